// Deidentifier::folder: every DICOM file of a folder, one run, neutral output names.
#include <cstdio>
#include <filesystem>

#include "dicom/deidentify.h"
#include "dicom/detail/dicom_file.h"
#include "dicom/detail/dicomdir_reader.h"
#include "dicom/detail/path_walk.h"
#include "dicom/detail/scan_file.h"

namespace dicom {
namespace {

std::string outputName(const std::string& folder, std::size_t index) {
    char name[32];
    std::snprintf(name, sizeof name, "IM%06zu.dcm", index);
    return (std::filesystem::path(folder) / name).string();
}

bool cancelled(const std::atomic<bool>* cancel) { return cancel && cancel->load(std::memory_order_relaxed); }

// Only DICOM goes out: photographs carry EXIF data this profile does not cover.
std::optional<std::string> skipReason(const std::string& path) {
    if (detail::isDicomDirName(path)) return "a DICOMDIR (it would carry the original identities)";
    if (detail::isPhotographFile(path)) return "a photograph (not DICOM)";
    return std::nullopt;
}

}  // namespace

DeidFolderReport Deidentifier::folder(const std::string& input, const std::string& output,
                                      const DeidProgressFn& progress, const std::atomic<bool>* cancel) const {
    detail::silenceToolkitLogging();
    DeidFolderReport report;
    const auto files = detail::listFiles({input}, report.errors, {}, cancel);
    std::size_t written = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string& path = files[i].path;
        if (progress) progress(i, files.size(), path);
        if (cancelled(cancel)) break;
        if (const auto reason = skipReason(path)) {
            report.skipped.push_back(path + ": " + *reason);
            continue;
        }
        auto result = file(path, outputName(output, written + 1));
        if (result) {
            ++written;
            report.files.push_back(std::move(result).value());
        } else if (result.error().code == ErrorCode::NotDicom) {
            report.skipped.push_back(path + ": not a DICOM file");
        } else {
            report.errors.push_back({path, result.error().message, result.error().code});
        }
    }
    report.cancelled = cancelled(cancel);
    if (progress) progress(files.size(), files.size(), {});
    return report;
}

}  // namespace dicom
