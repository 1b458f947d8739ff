# Thin verbs over CMake presets and the scripts (the scripts are what README and CI use).
.PHONY: build test test-unit fuzz format bench run clean

build:            ## Debug build with ASan+UBSan (the everyday developer build)
	cmake --preset debug && cmake --build --preset debug

test:             ## The whole suite, exactly as CI runs it
	bash scripts/test.sh

test-unit: build  ## Unit tests only: the loop of a few seconds
	ctest --test-dir build/debug -L unit -j2 --output-on-failure

fuzz:             ## Every libFuzzer target for FUZZ_SECONDS (default 30) each
	bash scripts/fuzz.sh

format:           ## Rewrite C++ files with the pinned clang-format
	git ls-files '*.cpp' '*.hpp' | xargs clang-format-16 -i

bench:            ## Release build, then every benchmark with its figures
	bash bench/run.sh

run:              ## Release build + demo data + server
	bash scripts/start.sh

clean:
	rm -rf build
