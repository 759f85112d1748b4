#pragma once
// Reading ZIP archives with libzip: listing members and copying one member out, with limits
// that keep a hostile archive (a "zip bomb", millions of entries, a member that inflates beyond
// what its header declares) from filling the disk or memory.
// Members are addressed as "<archive path>!<member name>", the form shown to the user.
// Thread-safety: a ZipArchive is used by one thread at a time; separate objects are independent.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dicom/result.h"

namespace dicom::detail {

inline constexpr char kArchiveSeparator = '!';
inline constexpr std::uint64_t kMaxMemberBytes = std::uint64_t(2) << 30;  // 2 GiB uncompressed
inline constexpr std::uint64_t kMaxEntries = 200000;
// A member may inflate to at most this many times its compressed size once it is larger than
// kRatioCheckBytes; real DICOM and photographs stay far below it, a bomb far above.
inline constexpr std::uint64_t kMaxCompressionRatio = 1000;
inline constexpr std::uint64_t kRatioCheckBytes = std::uint64_t(16) << 20;  // 16 MiB

struct ZipMember {
    std::uint64_t index = 0;
    std::string name;                 // as stored, '/' separated
    std::uint64_t size = 0;           // uncompressed bytes, as declared
    std::uint64_t compressedSize = 0;
    bool encrypted = false;
};

// "a.zip!b/c.dcm" -> {"a.zip", "b/c.dcm"}; nullopt when the path names no member. The archive
// part must end in ".zip" (any case), so file names that merely contain '!' are left alone.
std::optional<std::pair<std::string, std::string>> splitMemberPath(const std::string& path);
std::string memberPath(const std::string& archive, const std::string& member);

// True when the file starts with a ZIP signature (a local header, or the end record of an
// empty archive).
bool looksLikeZip(const std::string& path);
bool hasZipExtension(const std::string& path);

class ZipArchive {
public:
    // Fails with FileNotFound or Corrupt ("<path>: <reason>").
    static Result<std::unique_ptr<ZipArchive>> open(const std::string& path);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    // Every file member (folders left out), in the archive's order; TooLarge past kMaxEntries.
    Result<std::vector<ZipMember>> members();
    // The member's index by name, trying an exact match first, then ignoring case.
    std::optional<ZipMember> find(const std::string& name);

    // Copies the member to `target` (created or replaced). Refuses encrypted members, members
    // beyond kMaxMemberBytes or kMaxCompressionRatio, and stops a member whose data outgrows
    // its declared size. Errors are the reason only.
    Status extract(const ZipMember& member, const std::string& target);

private:
    explicit ZipArchive(void* handle) : m_zip(handle) {}
    void* m_zip;  // zip_t*
};

}  // namespace dicom::detail
