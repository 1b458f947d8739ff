// Outcome<T>: the value of an operation that can fail in an expected way, or the Error that says
// why. Expected failures (bad input, missing record, forbidden) are values; only the exceptional
// throws.
//   MOTCUA_ASSIGN_OR_RETURN(auto procedure, catalog.GetProcedure(code));  // A Procedure.
//   MOTCUA_RETURN_IF_ERROR(CheckAccess(actor));
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "common/assert.hpp"

namespace motcua {

/// The kinds of expected failure; api/errors.cpp maps each to one HTTP status.
enum class ErrorKind {
    kInvalid,               // The input breaks a rule (400).
    kNotFound,              // No such record, or the caller may not know it exists (404).
    kConflict,              // The record changed or already exists (409).
    kInvalidTransition,     // The action is not allowed in the current state (409).
    kUnauthenticated,       // No valid session (401).
    kForbidden,             // Known caller, action not permitted (403).
    kTooLarge,              // A size limit was exceeded (413).
    kUnsupportedMediaType,  // The body is not of a type the route reads (415).
    kRateLimited,           // Too many attempts; retry later (429 with Retry-After).
    kUnavailable,           // A dependency is down or overloaded (503).
};

/// Why an operation failed: a kind, a stable code from the message catalogue, and details.
struct Error {
    ErrorKind kind = ErrorKind::kInvalid;
    std::string
        code;  // Stable identifier, e.g. "invalid_parameter"; a key of the message catalogue.
    std::string param;   // The parameter or field at fault, substituted for {param} in messages.
    std::string detail;  // Extra English detail for developers (never personal data).
    int retry_after_seconds = 0;               // kRateLimited: when to try again.
    std::vector<std::string> allowed_actions;  // kInvalidTransition: what the state allows.
};

/// Builds an Error in one expression.
inline Error MakeError(ErrorKind kind, std::string code, std::string param = {},
                       std::string detail = {}) {
    return Error{kind, std::move(code), std::move(param), std::move(detail)};
}

template <typename T>
class [[nodiscard]] Outcome {
public:
    Outcome(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Outcome(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    /// Returns true when the operation succeeded.
    bool HasValue() const { return state_.index() == 0; }
    explicit operator bool() const { return HasValue(); }

    T& Value() & {
        MOTCUA_ASSERT(HasValue(), "Value() is only called after checking HasValue()");
        return std::get<0>(state_);
    }
    const T& Value() const& {
        MOTCUA_ASSERT(HasValue(), "Value() is only called after checking HasValue()");
        return std::get<0>(state_);
    }
    T&& Value() && {
        MOTCUA_ASSERT(HasValue(), "Value() is only called after checking HasValue()");
        return std::move(std::get<0>(state_));
    }
    const Error& GetError() const {
        MOTCUA_ASSERT(!HasValue(), "GetError() is only called on a failed outcome");
        return std::get<1>(state_);
    }

private:
    std::variant<T, Error> state_;
};

/// The success value of operations that return nothing.
struct Done {};

/// Returns the error of the first failed outcome among `outcomes`, in argument order.
template <typename... Ts>
std::optional<Error> FirstError(const Outcome<Ts>&... outcomes) {
    std::optional<Error> first;
    ((first || outcomes.HasValue() ? void() : void(first = outcomes.GetError())), ...);
    return first;
}

}  // namespace motcua

/// Evaluates `expression` (an Outcome); when it failed, returns its error from the caller.
/// Each use gets its own variable name, so uses may nest (a lambda inside the expression).
#define MOTCUA_RETURN_IF_ERROR(expression) \
    MOTCUA_RETURN_IF_ERROR_NAMED(MOTCUA_CONCAT(motcua_outcome_, __COUNTER__), expression)
// NOLINTBEGIN(bugprone-macro-parentheses): `name` is a declared identifier, not an expression.
#define MOTCUA_RETURN_IF_ERROR_NAMED(name, expression) \
    do {                                               \
        if (auto name = (expression); !name) {         \
            return name.GetError();                    \
        }                                              \
    } while (false)
// NOLINTEND(bugprone-macro-parentheses)
#define MOTCUA_CONCAT(a, b) MOTCUA_CONCAT_INNER(a, b)
#define MOTCUA_CONCAT_INNER(a, b) a##b

/// Evaluates `expression` (an Outcome); when it failed, returns its error from the caller, else
/// moves its value into `lhs` — a declaration (`auto procedure`, `const Procedure procedure`)
/// or a variable declared before. It expands to several statements: use it as a statement of a
/// braced block, never as the body of an unbraced if or loop.
#define MOTCUA_ASSIGN_OR_RETURN(lhs, expression) \
    MOTCUA_ASSIGN_OR_RETURN_NAMED(MOTCUA_CONCAT(motcua_outcome_, __COUNTER__), lhs, expression)
// NOLINTBEGIN(bugprone-macro-parentheses): `name` is declared here, `lhs` may be a declaration.
#define MOTCUA_ASSIGN_OR_RETURN_NAMED(name, lhs, expression) \
    auto name = (expression);                                \
    if (!name) {                                             \
        return name.GetError();                              \
    }                                                        \
    lhs = std::move(name).Value()
// NOLINTEND(bugprone-macro-parentheses)
