#include "dicom/detail/member_store.h"

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>

namespace fs = std::filesystem;

namespace dicom::detail {
namespace {

constexpr std::uint64_t kFreeSpaceReserve = std::uint64_t(1) << 30;

// The process's folder of copies; created on first use, removed with everything in it when
// static objects are destroyed at exit.
class Store {
public:
    ~Store() {
        std::error_code ec;
        if (!m_folder.empty()) fs::remove_all(m_folder, ec);
    }

    // Reserves a file name and the bytes for `shown`. An existing copy is returned as is, unless
    // `fresh` asks for a new one (a scan reads the archive as it is now, not as it was).
    Result<std::pair<std::string, bool>> reserve(const std::string& shown, const ZipMember& member, bool fresh) {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (auto it = m_copies.find(shown); it != m_copies.end()) {
            if (!fresh) return std::make_pair(it->second.path, true);
            drop(it);
        }
        if (Status s = ensureFolder(); !s) return s.error();
        if (m_bytes + member.size > kMaxExtractedBytes)
            return Error{ErrorCode::TooLarge, "more archive data than the workstation unpacks in one session"};
        std::error_code ec;
        const auto space = fs::space(m_folder, ec);
        if (!ec && space.available < member.size + kFreeSpaceReserve)
            return Error{ErrorCode::TooLarge, "not enough free disk space to unpack the archive member"};
        m_bytes += member.size;
        const std::string local = m_folder + "/m" + std::to_string(++m_counter) + extensionOf(member.name);
        return std::make_pair(local, false);
    }

    Result<std::string> scratchName() {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (Status s = ensureFolder(); !s) return s.error();
        return m_folder + "/s" + std::to_string(++m_counter);
    }

    void commit(const std::string& shown, const std::string& local, std::uint64_t bytes) {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (auto it = m_copies.find(shown); it != m_copies.end()) drop(it);  // a concurrent copy
        m_copies[shown] = {local, bytes};
    }

    // The bytes reserved for a copy that failed.
    void abandon(std::uint64_t bytes) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_bytes -= std::min(m_bytes, bytes);
    }

    void release(const std::string& shown) {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (auto it = m_copies.find(shown); it != m_copies.end()) drop(it);
    }

private:
    Status ensureFolder() {
        if (!m_folder.empty()) return {};
        std::error_code ec;
        std::string pattern = (fs::temp_directory_path(ec) / "medgemma-archive-XXXXXX").string();
        if (ec || !mkdtemp(pattern.data()))  // mkdtemp creates the folder with mode 0700
            return Error{ErrorCode::WriteFailed, "no temporary folder can be created to unpack the archive"};
        m_folder = pattern;
        return {};
    }

    // Kept so that a reader choosing by extension (photographs) sees the same name.
    static std::string extensionOf(const std::string& name) {
        const auto slash = name.find_last_of('/');
        const auto dot = name.find_last_of('.');
        if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
        const std::string ext = name.substr(dot);
        return ext.size() <= 6 ? ext : std::string();
    }

    struct Copy {
        std::string path;
        std::uint64_t bytes = 0;
    };

    void drop(std::map<std::string, Copy>::iterator it) {
        std::error_code ec;
        fs::remove(it->second.path, ec);
        m_bytes -= std::min(m_bytes, it->second.bytes);
        m_copies.erase(it);
    }

    std::mutex m_mutex;
    std::string m_folder;
    std::map<std::string, Copy> m_copies;  // shown path -> local copy
    std::uint64_t m_bytes = 0;
    unsigned long m_counter = 0;
};

Store& store() {
    static Store instance;
    return instance;
}

// Copies are made outside the store's lock; two threads asking for the same member at once
// may both copy it, and the second copy simply replaces the first.
Result<std::string> copyMember(ZipArchive& archive, const std::string& shown, const ZipMember& member, bool fresh) {
    auto reserved = store().reserve(shown, member, fresh);
    if (!reserved) return reserved.error();
    const auto& [local, existing] = reserved.value();
    if (existing) return local;
    if (Status s = archive.extract(member, local); !s) {
        store().abandon(member.size);
        return s.error();
    }
    store().commit(shown, local, member.size);
    return local;
}

}  // namespace

Result<std::string> localCopy(ZipArchive& archive, const std::string& archivePath, const ZipMember& member) {
    return copyMember(archive, memberPath(archivePath, member.name), member, true);
}

Result<std::string> localPathFor(const std::string& path) {
    const auto parts = splitMemberPath(path);
    std::error_code ec;
    if (!parts || fs::is_regular_file(path, ec)) return path;  // also a real file named "x.zip!y"
    auto archive = ZipArchive::open(parts->first);
    if (!archive) return archive.error();
    const auto member = archive.value()->find(parts->second);
    if (!member) return Error{ErrorCode::FileNotFound, path + ": the archive has no such member"};
    auto local = copyMember(*archive.value(), path, *member, false);
    if (!local) return Error{local.error().code, path + ": " + local.error().message};
    return local;
}

Result<std::string> scratchCopy(const std::string& path) {
    auto name = store().scratchName();
    if (!name) return name.error();
    std::error_code ec;
    fs::copy_file(path, name.value(), fs::copy_options::overwrite_existing, ec);
    if (ec) return Error{ErrorCode::FileNotFound, "the file cannot be copied (" + ec.message() + ")"};
    return name;
}

void removeScratchCopy(const std::string& copy) {
    std::error_code ec;
    fs::remove(copy, ec);
}

void releaseLocalCopy(const std::string& shownPath) { store().release(shownPath); }

Error renamePath(Error error, const std::string& local, const std::string& shown) {
    if (local.empty() || local == shown) return error;
    for (auto at = error.message.find(local); at != std::string::npos;
         at = error.message.find(local, at + shown.size()))
        error.message.replace(at, local.size(), shown);
    return error;
}

}  // namespace dicom::detail
