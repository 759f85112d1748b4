// scanPaths: header-only reading of everything the user opened, grouped into a Collection.
#include "dicom/loader.h"

#include "dicom/detail/collection_builder.h"
#include "dicom/detail/dicom_file.h"
#include "dicom/detail/path_walk.h"
#include "dicom/detail/scan_file.h"

namespace dicom {
namespace {

bool stopRequested(const std::atomic<bool>* cancel) { return cancel && cancel->load(std::memory_order_relaxed); }

void report(const ScanProgressFn& progress, std::size_t done, std::size_t total, const std::string& path) {
    if (progress) progress(ScanProgress{done, total, path});
}

// A DICOMDIR met inside a folder indexes files that the folder walk finds anyway; one the
// user names directly is reported, since its files are not read from it.
bool handleDirectoryIndex(const detail::ScannedFile& f, const detail::FoundFile& file, Collection& out) {
    if (f.instance.sopClassUid != detail::kMediaStorageDirectorySopClass) return false;
    if (file.named)
        out.errors.push_back({file.path, "a DICOMDIR index: open the folder that contains it instead",
                              ErrorCode::NotDicom});
    return true;
}

}  // namespace

Collection scanPaths(const std::vector<std::string>& paths, const ScanProgressFn& progress,
                     const std::atomic<bool>* cancel) {
    detail::silenceToolkitLogging();
    Collection out;
    const auto onFound = [&](std::size_t count) { report(progress, count, 0, {}); };
    const auto files = detail::listFiles(paths, out.errors, onFound, cancel);
    detail::CollectionBuilder builder(out);
    std::size_t done = 0;
    for (const auto& file : files) {
        report(progress, done, files.size(), file.path);
        if (stopRequested(cancel)) break;  // after the report, so a callback can cancel at once
        auto scanned = detail::scanFile(file.path);
        ++done;
        if (!scanned) {
            out.errors.push_back({file.path, scanned.error().message, scanned.error().code});
            continue;
        }
        if (handleDirectoryIndex(scanned.value(), file, out)) continue;
        auto& f = scanned.value();
        builder.add(f.patient, f.study, f.series, std::move(f.instance));
    }
    out.cancelled = stopRequested(cancel);
    builder.finish();
    report(progress, done, files.size(), {});
    return out;
}

}  // namespace dicom
