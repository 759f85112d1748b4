#include "dicom/sample_study.h"

#include <filesystem>

#include "dicom/detail/sample_parts.h"

namespace dicom {
namespace {

Result<std::string> makeFolder(const std::string& directory, const std::string& name) {
    const std::filesystem::path folder = std::filesystem::path(directory) / name;
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) return Error{ErrorCode::WriteFailed, folder.string() + ": cannot create the folder (" + ec.message() + ")"};
    return folder.string();
}

}  // namespace

Status writeSampleStudy(const std::string& directory) {
    using Writer = Status (*)(const std::string&);
    const std::pair<const char*, Writer> parts[] = {
        {"CT", detail::writeSampleCt},
        {"DX", detail::writeSampleRadiograph},
        {"photographs", detail::writeSamplePhotograph},
    };
    for (const auto& [name, write] : parts) {
        auto folder = makeFolder(directory, name);
        if (!folder) return folder.error();
        if (Status s = write(folder.value()); !s) return s;
    }
    return {};
}

}  // namespace dicom
