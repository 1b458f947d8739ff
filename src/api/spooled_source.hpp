// SpooledSource: a spooled request body (common/spooled_file.hpp) read for the multipart parser a
// window at a time, so that a 60 MiB upload is parsed with a few hundred KiB of memory.
#pragma once

#include <string>

#include "api/multipart.hpp"
#include "common/spooled_file.hpp"

namespace motcua::api {

class SpooledSource final : public MultipartSource {
public:
    explicit SpooledSource(const SpooledFile& file) : file_(file) {}

    Outcome<std::string_view> Window(std::size_t from, std::size_t size) override;
    Outcome<std::optional<std::size_t>> Find(std::string_view needle, std::size_t from) override;

private:
    const SpooledFile& file_;
    std::string window_;
};

}  // namespace motcua::api
