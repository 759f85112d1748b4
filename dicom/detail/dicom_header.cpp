#include "dicom/detail/dicom_header.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include "dicom/detail/charset_convert.h"
#include "dicom/detail/dataset_fields.h"
#include "dicom/detail/dicom_file.h"
#include "dicom/detail/pixel_layout.h"

namespace dicom::detail {
namespace {

std::string transferSyntaxOf(DcmFileFormat& file) {
    const std::string fromMeta = stringValue(*file.getMetaInfo(), DCM_TransferSyntaxUID);
    if (!fromMeta.empty()) return fromMeta;
    return DcmXfer(file.getDataset()->getOriginalXfer()).getXferID();
}

// Names and descriptions in other character sets become UTF-8 here; what DCMTK cannot convert
// is still made valid UTF-8 by describeDataset.
void convertTextToUtf8(DcmFileFormat& file) {
    const std::string charset = allValues(*file.getDataset(), DCM_SpecificCharacterSet);
    if (charset.empty() || charset == "ISO_IR 192" || charset == "ISO_IR 6") return;
    (void)convertToUtf8(*file.getDataset());
}

// Files without UIDs still need a place in the tree: group them by their folder.
void fillMissingUids(ScannedFile& f, const std::string& path) {
    const std::string folder = path.substr(0, path.find_last_of('/') + 1);
    if (f.study.studyInstanceUid.empty()) f.study.studyInstanceUid = "(no study uid) " + folder;
    if (f.series.seriesInstanceUid.empty())
        f.series.seriesInstanceUid = "(no series uid) " + folder + " #" + std::to_string(f.series.seriesNumber);
    if (f.instance.sopInstanceUid.empty()) f.instance.sopInstanceUid = "(no instance uid) " + path;
}

Status checkImage(DcmDataset& ds, const std::string& xfer) {
    DcmElement* pixels = nullptr;
    if (ds.findAndGetElement(DCM_PixelData, pixels).bad() || !pixels) {
        // Structured reports, key objects, presentation states: no image and none expected.
        if (!ds.tagExists(DCM_Rows) && !ds.tagExists(DCM_Columns)) return {};
        return Error{ErrorCode::NoPixelData, "the image header is present but the pixel data are missing"};
    }
    const bool encapsulated = DcmXfer(xfer.c_str()).isEncapsulated();
    auto layout = readPixelLayout(ds, encapsulated);
    if (!layout) return layout.error();
    if (encapsulated) return {};
    if (pixels->getLength() == DCM_UndefinedLength)
        return Error{ErrorCode::Corrupt, "compressed pixel data in a file that says it is uncompressed"};
    return checkPixelDataLength(layout.value(), pixels->getLength());
}

}  // namespace

Result<ScannedFile> readDicomHeader(const std::string& path, const std::string& recordedPath) {
    const std::string& recorded = recordedPath.empty() ? path : recordedPath;
    auto opened = openDicomFile(path);
    if (!opened) return opened.error();
    DcmFileFormat& file = *opened.value();
    convertTextToUtf8(file);
    const std::string xfer = transferSyntaxOf(file);
    ScannedFile scanned = describeDataset(*file.getDataset(), xfer, recorded);
    // A DICOMDIR names its class only in the meta header; so do some bare image writers.
    if (scanned.instance.sopClassUid.empty())
        scanned.instance.sopClassUid = stringValue(*file.getMetaInfo(), DCM_MediaStorageSOPClassUID);
    fillMissingUids(scanned, recorded);
    if (scanned.instance.sopClassUid == kMediaStorageDirectorySopClass) return scanned;
    if (Status s = checkImage(*file.getDataset(), xfer); !s)
        return Error{s.error().code, path + ": " + s.error().message};
    return scanned;
}

}  // namespace dicom::detail
