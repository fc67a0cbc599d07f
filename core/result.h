#pragma once

#include "errorcode.h"

#include <QString>

#include <cassert>
#include <optional>
#include <utility>
#include <variant>

namespace Cartable::Core {

// An error as a value: a stable code for programs and a context string for
// logs. The UI turns the code into a translated sentence; the server turns it
// into an HTTP status and a JSON problem body.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString context;

    friend bool operator==(const Error &, const Error &) = default;
};

// The outcome of something that can fail. C++20 has no std::expected, so this
// is the small type of our own that STYLE.md allows.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}
    Result(ErrorCode code, QString context = {}) : m_state(Error{code, std::move(context)}) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const &
    {
        assert(ok());
        return std::get<T>(m_state);
    }
    T &value() &
    {
        assert(ok());
        return std::get<T>(m_state);
    }
    T &&value() &&
    {
        assert(ok());
        return std::get<T>(std::move(m_state));
    }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const
    {
        assert(!ok());
        return std::get<Error>(m_state);
    }

private:
    std::variant<T, Error> m_state;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}
    Result(ErrorCode code, QString context = {}) : m_error(Error{code, std::move(context)}) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const
    {
        assert(!ok());
        return *m_error;
    }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace Cartable::Core
