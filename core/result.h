#pragma once

#include <string>
#include <utility>
#include <variant>

namespace attache {

/// What went wrong, in words a user can act on. `code` is stable and machine-readable
/// (tests and the sync protocol use it); `message` is the human sentence; `field` names the
/// offending field when there is one.
struct Error
{
    std::string code;
    std::string message;
    std::string field;
};

/// A value or an Error: the core never throws across its API and never asserts on bad input.
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_v(std::move(value))
    { }
    Result(Error error)
        : m_v(std::move(error))
    { }

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_ok(false)
    { }

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

inline Error makeError(std::string code, std::string message, std::string field = {})
{
    return Error {std::move(code), std::move(message), std::move(field)};
}

} // namespace attache
