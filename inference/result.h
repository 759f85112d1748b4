#pragma once
// Result type of the inference module: expected failures (bad files, out of memory, a stop
// request) are values, never exceptions that cross the module boundary.
// Thread-safety: plain values; safe to copy between threads.

#include <optional>
#include <string>
#include <utility>

namespace inference {

// Stable codes: the UI maps them to translated text, the CLI to exit statuses.
enum class ErrorCode {
    FileNotFound,       // a required model file is absent
    InvalidFile,        // a file exists but is malformed (truncated, bad header, bad JSON)
    UnsupportedModel,   // a well-formed model this engine does not run (architecture, dtype)
    ShapeMismatch,      // a tensor's shape disagrees with config.json
    MissingTensor,      // a tensor the config requires is absent
    UnexpectedTensor,   // a tensor that no part of the model uses
    InvalidRequest,     // the caller asked for something impossible (bad ids, image count)
    ContextTooLong,     // prompt plus new tokens exceed the context limit
    OutOfMemory,        // host or device allocation failed
    DeviceUnavailable,  // e.g. CUDA asked for but absent
    Cancelled,          // the stop flag was set
    Internal,           // a bug: an invariant failed inside the engine
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;  // English, for logs and the CLI; names the file and tensor when relevant
};

template <typename T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) {}  // NOLINT: implicit by design
    Result(Error error) : m_error(std::move(error)) {}  // NOLINT: implicit by design

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    T& value() & { return *m_value; }
    const T& value() const& { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    T& operator*() & { return *m_value; }
    const T& operator*() const& { return *m_value; }
    T* operator->() { return &*m_value; }
    const T* operator->() const { return &*m_value; }
    const Error& error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

// Result<void>: success or an Error.
class Status {
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)), m_failed(true) {}  // NOLINT: implicit
    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

inline Error makeError(ErrorCode code, std::string message) {
    return Error{code, std::move(message)};
}

}  // namespace inference
