#pragma once
// Finding and decoding what the user opened: files, folders (recursive), DICOMDIR, ZIP
// archives, photographs.
// Thread-safety: every function is re-entrant; call from worker threads. `cancel` may be set
// from any thread and is honoured between files.

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "dicom/image.h"
#include "dicom/result.h"
#include "dicom/study.h"

namespace dicom {

struct ScanProgress {
    std::size_t filesDone = 0;
    std::size_t filesTotal = 0;   // 0 while still counting
    std::string currentPath;
};

using ScanProgressFn = std::function<void(const ScanProgress&)>;

// Reads headers only (no pixel data) of every file under `paths` and groups them. Unreadable
// files become entries of Collection::errors; the rest loads.
Collection scanPaths(const std::vector<std::string>& paths, const ScanProgressFn& progress = {},
                     const std::atomic<bool>* cancel = nullptr);

// Decodes frame `frame` (0-based) of one instance into modality values or RGB.
Result<Image> decodeFrame(const InstanceInfo& instance, int frame = 0);

}  // namespace dicom
