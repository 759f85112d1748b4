#include "dicom/detail/path_walk.h"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace dicom::detail {
namespace {

constexpr std::size_t kReportEvery = 256;

bool cancelled(const std::atomic<bool>* cancel) { return cancel && cancel->load(std::memory_order_relaxed); }

std::string normal(const fs::path& p) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(p, ec);
    return (ec ? p : absolute).lexically_normal().string();
}

class Walker {
public:
    Walker(std::vector<FileError>& errors, const std::function<void(std::size_t)>& onFound,
           const std::atomic<bool>* cancel)
        : m_errors(errors), m_onFound(onFound), m_cancel(cancel) {}

    void addNamed(const std::string& path) {
        std::error_code ec;
        const auto status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            m_errors.push_back({path, "the file or folder does not exist", ErrorCode::FileNotFound});
        } else if (fs::is_directory(status)) {
            walkFolder(path);
        } else {
            push({normal(path), true});
        }
    }

    std::vector<FoundFile> take() { return std::move(m_files); }

private:
    // Depth first, entries in name order, so results do not depend on the file system's order.
    void walkFolder(const fs::path& folder) {
        std::error_code ec;
        std::vector<fs::directory_entry> entries;
        for (fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end; it.increment(ec))
            entries.push_back(*it);
        if (ec) m_errors.push_back({normal(folder), "the folder cannot be read", ErrorCode::FileNotFound});
        std::sort(entries.begin(), entries.end(),
                  [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
        for (const auto& entry : entries) {
            if (cancelled(m_cancel)) return;
            if (entry.path().filename().string().rfind('.', 0) == 0) continue;
            std::error_code typeError;
            if (entry.is_directory(typeError) && !entry.is_symlink(typeError))
                walkFolder(entry.path());
            else if (entry.is_regular_file(typeError))
                push({normal(entry.path()), false});
        }
    }

    void push(FoundFile file) {
        m_files.push_back(std::move(file));
        if (m_onFound && m_files.size() % kReportEvery == 0) m_onFound(m_files.size());
    }

    std::vector<FileError>& m_errors;
    const std::function<void(std::size_t)>& m_onFound;
    const std::atomic<bool>* m_cancel;
    std::vector<FoundFile> m_files;
};

}  // namespace

std::vector<FoundFile> listFiles(const std::vector<std::string>& paths, std::vector<FileError>& errors,
                                 const std::function<void(std::size_t)>& onFound,
                                 const std::atomic<bool>* cancel) {
    Walker walker(errors, onFound, cancel);
    for (const auto& path : paths) {
        if (cancelled(cancel)) break;
        walker.addNamed(path);
    }
    return walker.take();
}

}  // namespace dicom::detail
