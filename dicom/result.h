#pragma once
// Result type of the dicom module: expected failures (unreadable file, unsupported syntax) are
// values carrying a stable code and a message that names the file and the reason.
// Thread-safety: plain values.

#include <optional>
#include <string>
#include <utility>

namespace dicom {

enum class ErrorCode {
    FileNotFound,
    NotDicom,             // neither DICOM nor a supported photograph
    Corrupt,              // truncated, wrong lengths, bad VRs
    UnsupportedSyntax,    // a transfer syntax no codec here decodes
    UnsupportedPixels,    // photometric interpretation / bit depth combination not handled
    NoPixelData,          // an instance without an image (e.g. a structured report)
    TooLarge,             // dimensions beyond what can be held in memory
    FrameOutOfRange,
    WriteFailed,
    Cancelled,
    Internal,
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;  // English; "<file>: <reason>"
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

}  // namespace dicom
