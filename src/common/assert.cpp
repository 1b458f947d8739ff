#include "common/assert.hpp"

#include <cstdio>
#include <cstdlib>

namespace motcua::detail {

void AssertionFailed(const char* condition, const char* why, const char* file, int line) {
    std::fprintf(stderr, "motcua: assertion failed at %s:%d: %s (%s)\n", file, line, condition,
                 why);
    std::abort();
}

}  // namespace motcua::detail
