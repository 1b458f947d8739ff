// MOTCUA_ASSERT(cond, "why it holds"): an invariant of the program, checked in every build.
// A failed assertion is a bug: it prints the reason and aborts. Never use it for bad input.
#pragma once

namespace motcua::detail {
[[noreturn]] void AssertionFailed(const char* condition, const char* why, const char* file,
                                  int line);
}  // namespace motcua::detail

#define MOTCUA_ASSERT(condition, why)                                               \
    do {                                                                            \
        if (!(condition)) {                                                         \
            ::motcua::detail::AssertionFailed(#condition, why, __FILE__, __LINE__); \
        }                                                                           \
    } while (false)
