#include "dicom/detail/dicomdir_reader.h"

#include <algorithm>
#include <cctype>
#include <deque>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcdicdir.h>
#include <dcmtk/dcmdata/dcdirrec.h>

#include "dicom/detail/charset_convert.h"
#include "dicom/detail/dataset_fields.h"
#include "dicom/detail/dicom_file.h"
#include "dicom/detail/member_store.h"
#include "dicom/detail/utf8.h"

namespace dicom::detail {
namespace {

// Records nest PATIENT > STUDY > SERIES > leaf; deeper chains (or none) are possible in
// private or damaged indexes, so each level is optional.
struct Context {
    const PatientInfo* patient = nullptr;
    const StudyInfo* study = nullptr;
    const SeriesInfo* series = nullptr;
};

constexpr int kMaxDepth = 16;  // a cyclic or absurd record tree stops here

std::string text(DcmItem& item, const DcmTagKey& tag) { return validUtf8(stringValue(item, tag)); }

PatientInfo patientOf(DcmItem& r) {
    PatientInfo p;
    p.patientId = text(r, DCM_PatientID);
    p.name = text(r, DCM_PatientName);
    p.birthDate = stringValue(r, DCM_PatientBirthDate);
    p.sex = stringValue(r, DCM_PatientSex);
    return p;
}

StudyInfo studyOf(DcmItem& r) {
    StudyInfo s;
    s.studyInstanceUid = stringValue(r, DCM_StudyInstanceUID);
    s.studyId = text(r, DCM_StudyID);
    s.accessionNumber = text(r, DCM_AccessionNumber);
    s.date = stringValue(r, DCM_StudyDate);
    s.time = stringValue(r, DCM_StudyTime);
    s.description = text(r, DCM_StudyDescription);
    return s;
}

SeriesInfo seriesOf(DcmItem& r) {
    SeriesInfo s;
    s.seriesInstanceUid = stringValue(r, DCM_SeriesInstanceUID);
    s.seriesNumber = int(intValue(r, DCM_SeriesNumber).value_or(0));
    s.modality = stringValue(r, DCM_Modality);
    s.description = text(r, DCM_SeriesDescription);
    return s;
}

std::vector<std::string> fileIdOf(DcmItem& r) {
    std::vector<std::string> parts;
    for (unsigned long i = 0;; ++i) {
        OFString part;
        if (r.findAndGetOFString(DCM_ReferencedFileID, part, i).bad()) break;
        if (!part.empty()) parts.emplace_back(part.c_str());
    }
    return parts;
}

class Walker {
public:
    std::vector<DirectoryEntry> take() { return std::move(m_entries); }

    void walk(DcmDirectoryRecord& record, Context context, int depth) {
        if (depth > kMaxDepth) return;
        for (unsigned long i = 0; i < record.cardSub(); ++i) {
            DcmDirectoryRecord* child = record.getSub(i);
            if (child) visit(*child, context, depth);
        }
    }

private:
    void visit(DcmDirectoryRecord& r, Context context, int depth) {
        // Each record declares its own character set (PS3.3 F.5); names become UTF-8 here.
        (void)convertToUtf8(r);
        switch (r.getRecordType()) {
        case ERT_Patient:
            context.patient = &m_patients.emplace_back(patientOf(r));
            context.study = nullptr;
            context.series = nullptr;
            break;
        case ERT_Study:
            context.study = &m_studies.emplace_back(studyOf(r));
            context.series = nullptr;
            break;
        case ERT_Series:
            context.series = &m_series.emplace_back(seriesOf(r));
            break;
        default:
            addLeaf(r, context);
            break;
        }
        walk(r, context, depth + 1);
    }

    void addLeaf(DcmDirectoryRecord& r, const Context& context) {
        auto fileId = fileIdOf(r);
        if (fileId.empty()) return;  // a record without a file (e.g. a private summary)
        DirectoryEntry e;
        e.fileId = std::move(fileId);
        e.grouped = context.patient && context.study && context.series;
        if (context.patient) e.patient = *context.patient;
        if (context.study) e.study = *context.study;
        if (context.series) e.series = *context.series;
        e.sopInstanceUid = stringValue(r, DCM_ReferencedSOPInstanceUIDInFile);
        e.instanceNumber = int(intValue(r, DCM_InstanceNumber).value_or(0));
        m_entries.push_back(std::move(e));
    }

    // Deques keep the addresses that Context points to stable.
    std::deque<PatientInfo> m_patients;
    std::deque<StudyInfo> m_studies;
    std::deque<SeriesInfo> m_series;
    std::vector<DirectoryEntry> m_entries;
};

}  // namespace

bool isDicomDirName(const std::string& path) {
    const auto slash = path.find_last_of('/');
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::toupper(c)); });
    return name == "DICOMDIR" || name == "DICOMDIR.";
}

Result<std::vector<DirectoryEntry>> readDicomDir(const std::string& path) {
    silenceToolkitLogging();
    // DcmDicomDir makes an empty index of anything it cannot read; check the file first.
    auto opened = openDicomFile(path);
    if (!opened) return Error{opened.error().code, "not a readable DICOMDIR"};
    if (!opened.value()->getDataset()->tagExists(DCM_DirectoryRecordSequence))
        return Error{ErrorCode::NotDicom, "named DICOMDIR but holds no directory records"};
    opened = Error{};
    auto copy = scratchCopy(path);
    if (!copy) return copy.error();
    Result<std::vector<DirectoryEntry>> result = Error{ErrorCode::Corrupt, "the DICOMDIR cannot be read"};
    {
        DcmDicomDir dir(copy.value().c_str());
        DcmDataset* ds = dir.getDirFileFormat().getDataset();
        if (dir.error().bad() || !ds) {
            result = Error{ErrorCode::Corrupt, "the DICOMDIR's records cannot be read"};
        } else {
            Walker walker;
            walker.walk(dir.getRootRecord(), {}, 0);
            result = walker.take();
        }
    }
    removeScratchCopy(copy.value());
    return result;
}

}  // namespace dicom::detail
