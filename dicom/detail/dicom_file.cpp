#include "dicom/detail/dicom_file.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/oflog/oflog.h>

namespace dicom::detail {
namespace {

bool fileHasDicomMark(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    unsigned char head[132] = {};
    in.read(reinterpret_cast<char*>(head), sizeof head);
    return hasDicomMark(head, static_cast<std::size_t>(in.gcount()));
}

// A dataset is trusted only when it names itself as DICOM: random bytes occasionally parse as
// a few implicit VR elements, and a damaged file can parse as an empty dataset.
bool looksLikeDicom(DcmFileFormat& file) {
    DcmDataset& ds = *file.getDataset();
    return ds.tagExists(DCM_SOPClassUID) || ds.tagExists(DCM_SOPInstanceUID) ||
           ds.tagExists(DCM_StudyInstanceUID) || ds.tagExists(DCM_PixelData) ||
           file.getMetaInfo()->tagExists(DCM_MediaStorageSOPClassUID);
}

Error fail(ErrorCode code, const std::string& path, const std::string& reason) {
    return {code, path + ": " + reason};
}

}  // namespace

void DcmFileFormatDeleter::operator()(DcmFileFormat* file) const { delete file; }

bool hasDicomMark(const unsigned char* head, std::size_t size) {
    return size >= 132 && std::memcmp(head + 128, "DICM", 4) == 0;
}

void silenceToolkitLogging() {
    static std::once_flag once;
    std::call_once(once, [] { OFLog::configure(OFLogger::OFF_LOG_LEVEL); });
}

Result<DicomFilePtr> openDicomFile(const std::string& path) {
    silenceToolkitLogging();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return fail(ErrorCode::FileNotFound, path, "the file does not exist or is not a regular file");
    if (std::filesystem::file_size(path, ec) == 0)
        return fail(ErrorCode::NotDicom, path, "the file is empty");

    DicomFilePtr file(new DcmFileFormat);
    const OFCondition status =
        file->loadFile(path.c_str(), EXS_Unknown, EGL_noChange, kHeaderReadLength, ERM_autoDetect);
    const bool marked = fileHasDicomMark(path);
    if (status.bad()) {
        if (marked)
            return fail(ErrorCode::Corrupt, path,
                        std::string("the DICOM file is damaged or truncated (") + status.text() + ")");
        return fail(ErrorCode::NotDicom, path, "not a DICOM file or a supported photograph");
    }
    if (!looksLikeDicom(*file)) {
        if (marked) return fail(ErrorCode::Corrupt, path, "the DICOM file holds no identifiable object");
        return fail(ErrorCode::NotDicom, path, "not a DICOM file or a supported photograph");
    }
    return file;
}

}  // namespace dicom::detail
