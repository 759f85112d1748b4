#pragma once
// Helpers for the de-identification tests: synthetic identities planted in attributes of any
// VR, reading results back, and running dicom3tools' dciodvfy on them.
// No patient data: every name and number is invented.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcfilefo.h>

namespace deidfixture {

inline constexpr const char* kPatientName = "Zqxname^Zqxgiven";
inline constexpr const char* kPatientId = "ZQX-4711";
inline constexpr const char* kBirthDate = "19710203";

// Writes a small secondary capture with the identity above plus `edit`; returns success.
bool writeImage(const std::string& path, const std::function<void(DcmDataset&)>& edit = {});

// Puts an identifying value into `tag` according to its VR (a sequence gets one item holding a
// Referenced SOP Instance UID). Returns the text that must not survive unless kept, or nullopt
// when the VR cannot be planted (unknown to the dictionary).
std::optional<std::string> plant(DcmItem& item, const DcmTagKey& tag);

std::unique_ptr<DcmFileFormat> load(const std::string& path);
std::string readBytes(const std::string& path);
std::string text(DcmItem& item, const DcmTagKey& tag);  // every value, '\' joined

// The "Error" lines dciodvfy prints for `path`; nullopt when dciodvfy is not installed.
std::optional<std::vector<std::string>> dciodvfyErrors(const std::string& path);

}  // namespace deidfixture
