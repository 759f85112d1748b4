#pragma once
// Local copies of ZIP archive members: DCMTK and OpenCV read files, so a member is copied once
// into a private folder (mode 0700 under the system's temporary folder, one per process,
// removed when the process exits) and read from there by the scan and every later decode.
// The total copied per process is capped, and the disk must keep 1 GiB free.
// Thread-safety: every function may be called from any thread.

#include <string>

#include "dicom/detail/zip_archive.h"
#include "dicom/result.h"

namespace dicom::detail {

inline constexpr std::uint64_t kMaxExtractedBytes = std::uint64_t(64) << 30;  // per process

// For "archive.zip!member": the local copy, made on first use (the archive is opened then).
// For any other path: the path itself. Errors name `path`.
Result<std::string> localPathFor(const std::string& path);

// A fresh local copy of `member` of the already open `archive`, whose path is `archivePath`
// (replacing an older copy, so a scan always reads the archive as it is). Errors are the
// reason only.
Result<std::string> localCopy(ZipArchive& archive, const std::string& archivePath, const ZipMember& member);

// A private copy of the file `path` in the same folder, for readers that may write to the file
// they read; the caller removes it with removeScratchCopy(). Errors are the reason only.
Result<std::string> scratchCopy(const std::string& path);
void removeScratchCopy(const std::string& copy);

// Deletes the local copy of a member that turned out not to be an image.
void releaseLocalCopy(const std::string& shownPath);

// The error with every mention of `local` replaced by `shown`, so messages name what the user
// opened rather than a temporary file.
Error renamePath(Error error, const std::string& local, const std::string& shown);

}  // namespace dicom::detail
