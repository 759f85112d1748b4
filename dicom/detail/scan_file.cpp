#include "dicom/detail/scan_file.h"

#include <fstream>

#include "dicom/detail/dicom_file.h"
#include "dicom/detail/dicom_header.h"
#include "dicom/detail/photo_format.h"
#include "dicom/detail/zip_archive.h"

namespace dicom::detail {
namespace {

struct Head {
    unsigned char bytes[132] = {};
    std::size_t size = 0;
};

Head readHead(const std::string& path) {
    Head h;
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(h.bytes), sizeof h.bytes);
    h.size = static_cast<std::size_t>(in.gcount());
    return h;
}

// Photographs group per folder; inside an archive the folder is the member's folder, or the
// archive itself at its top level.
std::string folderOf(const std::string& path) {
    if (const auto member = splitMemberPath(path)) {
        const auto slash = member->second.find_last_of('/');
        return slash == std::string::npos ? member->first
                                          : memberPath(member->first, member->second.substr(0, slash));
    }
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? std::string(".") : path.substr(0, slash == 0 ? 1 : slash);
}

std::string lastComponent(const std::string& folder) {
    const auto slash = folder.find_last_of('/');
    return slash == std::string::npos ? folder : folder.substr(slash + 1);
}

ScannedFile photographEntry(const std::string& path, PhotoFormat format, const PhotoHeader& header) {
    const std::string folder = folderOf(path);
    ScannedFile f;
    f.patient.kind = SourceKind::Photograph;
    f.study.studyInstanceUid = "photographs:" + folder;
    f.study.description = lastComponent(folder);
    f.series.seriesInstanceUid = "photographs:" + folder + "#series";
    f.series.modality = "XC";
    f.series.seriesNumber = 1;
    f.series.description = "Photographs";
    InstanceInfo& i = f.instance;
    i.path = path;
    i.kind = SourceKind::Photograph;
    i.sopInstanceUid = "photograph:" + path;
    i.rows = header.height;
    i.columns = header.width;
    i.frames = header.pages;
    i.samplesPerPixel = 3;
    i.bitsAllocated = header.bitsPerSample;
    i.bitsStored = header.bitsPerSample;
    i.photometric = "RGB";
    i.transferSyntaxName = std::string(photoFormatName(format)) + " image";
    return f;
}

Result<ScannedFile> scanPhotograph(const std::string& path, const std::string& shown, PhotoFormat format) {
    auto header = readPhotoHeader(path, format);
    if (!header) return header.error();
    return photographEntry(shown, format, header.value());
}

// openDicomFile and readDicomHeader prefix their messages with the path; the scan keeps the
// path in FileError::path instead.
Error withoutPath(const Error& e, const std::string& path) {
    const std::string prefix = path + ": ";
    if (e.message.rfind(prefix, 0) == 0) return {e.code, e.message.substr(prefix.size())};
    return e;
}

}  // namespace

bool isPhotographFile(const std::string& path) {
    const Head head = readHead(path);
    if (hasDicomMark(head.bytes, head.size)) return false;
    return sniffPhotoFormat(head.bytes, head.size) != PhotoFormat::None ||
           photoFormatFromExtension(path) != PhotoFormat::None;
}

Result<ScannedFile> scanFile(const std::string& path, const std::string& shownPath) {
    const std::string& shown = shownPath.empty() ? path : shownPath;
    const Head head = readHead(path);
    if (head.size == 0) return Error{ErrorCode::NotDicom, "the file is empty"};
    if (!hasDicomMark(head.bytes, head.size)) {
        const PhotoFormat sniffed = sniffPhotoFormat(head.bytes, head.size);
        if (sniffed != PhotoFormat::None) return scanPhotograph(path, shown, sniffed);
        const PhotoFormat named = photoFormatFromExtension(shown);
        if (named != PhotoFormat::None)
            return Error{ErrorCode::Corrupt, std::string("the file is named like a ") + photoFormatName(named) +
                                                 " photograph but its content is not one"};
    }
    auto scanned = readDicomHeader(path, shown);
    if (!scanned) return withoutPath(scanned.error(), path);
    return scanned;
}

}  // namespace dicom::detail
