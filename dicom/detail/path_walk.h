#pragma once
// Expands what the user opened into a list of files: files as given, folders recursively in
// name order. Inside folders, hidden entries (".DS_Store", "._x", ".complete") are skipped;
// folder symlinks are not followed, so a link cycle cannot trap the scan.
// Thread-safety: re-entrant.

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "dicom/study.h"

namespace dicom::detail {

struct FoundFile {
    std::string path;   // absolute, lexically normal
    bool named = false; // named by the user rather than found inside a folder
};

// Appends one FileError per path that does not exist or folder that cannot be read.
// `onFound(count)` is called every few hundred files so the UI can show that counting goes on;
// `cancel` stops the walk.
std::vector<FoundFile> listFiles(const std::vector<std::string>& paths, std::vector<FileError>& errors,
                                 const std::function<void(std::size_t)>& onFound,
                                 const std::atomic<bool>* cancel);

}  // namespace dicom::detail
