#include "dicom/sr_report.h"

#include <array>
#include <ctime>
#include <random>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include "dicom/detail/sr_content.h"

namespace dicom {
namespace {

Error writeError(const std::string& path, const std::string& reason) {
    return {ErrorCode::WriteFailed, path + ": the report could not be written (" + reason + ")"};
}

// Decimal digits of a 128-bit number held as four 32-bit words, most significant first.
std::string toDecimal(std::array<std::uint32_t, 4> words) {
    std::string digits;
    auto isZero = [&] { return words[0] == 0 && words[1] == 0 && words[2] == 0 && words[3] == 0; };
    do {
        std::uint64_t remainder = 0;
        for (std::uint32_t& w : words) {
            const std::uint64_t value = (remainder << 32) | w;
            w = std::uint32_t(value / 10);
            remainder = value % 10;
        }
        digits.insert(digits.begin(), char('0' + remainder));
    } while (!isZero());
    return digits;
}

std::string localDateTime() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[16];
    std::strftime(text, sizeof text, "%Y%m%d%H%M%S", &local);
    return text;
}

void setPatientStudy(DSRDocument& doc, const SrPatientStudy& p) {
    // Values that do not fit their VR are left empty (all are type 2 here) rather than failing.
    doc.setPatientName(p.patientName.c_str());
    doc.setPatientID(p.patientId.c_str());
    doc.setPatientBirthDate(p.birthDate.c_str());
    doc.setPatientSex(p.sex.c_str());
    doc.setStudyID(p.studyId.c_str());
    doc.setAccessionNumber(p.accessionNumber.c_str());
    doc.setStudyDate(p.studyDate.c_str());
    doc.setStudyTime(p.studyTime.c_str());
    doc.setStudyDescription(p.studyDescription.c_str());
    doc.setReferringPhysicianName(p.referringPhysician.c_str());
}

Status readSource(DSRDocument& doc, const std::string& path) {
    DcmFileFormat file;
    const OFCondition loaded = file.loadFile(path.c_str());
    if (loaded.bad()) {
        return Error{ErrorCode::NotDicom, path + ": not readable as DICOM (" + loaded.text() + ")"};
    }
    DcmDataset* source = file.getDataset();
    source->convertToUTF8();  // the SR is UTF-8; an already UTF-8 or ASCII source is unchanged
    if (doc.readStudyData(*source).bad()) {
        return Error{ErrorCode::Corrupt,
                     path + ": the patient and study attributes are unreadable"};
    }
    return {};
}

// Study, series and instance identity, equipment and document flags.
Status fillHeader(DSRDocument& doc, const SrReport& report, const std::string& path) {
    doc.setSpecificCharacterSetType(DSRTypes::CS_UTF8);
    if (!report.sourceFile.empty() && !report.deidentified) {
        if (Status read = readSource(doc, report.sourceFile); !read) {
            return read;
        }
    } else {
        setPatientStudy(doc, report.patientStudy);
    }
    OFString studyUid;
    doc.getStudyInstanceUID(studyUid);
    if (!report.patientStudy.studyUid.empty() &&
        (report.sourceFile.empty() || report.deidentified)) {
        studyUid = report.patientStudy.studyUid.c_str();
    }
    if (studyUid.empty() || doc.createNewSeriesInStudy(studyUid).bad()) {
        return writeError(path, "no valid Study Instance UID");
    }
    const std::string when =
        report.contentDateTime.empty() ? localDateTime() : report.contentDateTime;
    doc.setContentDate(when.substr(0, 8).c_str());
    doc.setContentTime(when.substr(8, 6).c_str());
    doc.setSeriesDescription(report.seriesDescription.c_str());
    doc.setSeriesNumber("9901");
    doc.setInstanceNumber("1");
    doc.setManufacturer(report.manufacturer.c_str());
    doc.setSoftwareVersions(report.softwareVersion.c_str());
    if (report.complete) {
        doc.completeDocument();
    }
    return {};
}

void addEvidence(DSRDocument& doc, const std::vector<SrReference>& evidence) {
    for (const SrReference& ref : evidence) {
        doc.getCurrentRequestedProcedureEvidence().addItem(
            ref.studyUid.c_str(), ref.seriesUid.c_str(), ref.sopClassUid.c_str(),
            ref.sopInstanceUid.c_str());
    }
    DSRCodingSchemeIdentificationList& schemes = doc.getCodingSchemeIdentification();
    schemes.addItem(detail::kLocalScheme);
    schemes.setCodingSchemeName("MedGemma Workstation local concepts");
    schemes.setCodingSchemeResponsibleOrganization("MedGemma Workstation");
}

// Identity the workstation chooses itself (2.25 UIDs) and the de-identification record.
void finishDataset(DcmDataset& dataset, const SrReport& report) {
    const std::string series = report.seriesUid.empty() ? generateUid() : report.seriesUid;
    const std::string instance =
        report.sopInstanceUid.empty() ? generateUid() : report.sopInstanceUid;
    dataset.putAndInsertString(DCM_SeriesInstanceUID, series.c_str());
    dataset.putAndInsertString(DCM_SOPInstanceUID, instance.c_str());
    if (!report.deidentified) {
        return;
    }
    // The same record dicom/deidentify.h writes for its default options, whose profile the
    // report's values followed (report_deid in ui/).
    const std::array<std::array<const char*, 2>, 3> codes{
        {{"113100", "Basic Application Confidentiality Profile"},
         {"113106", "Retain Longitudinal Temporal Information Full Dates Option"},
         {"113105", "Clean Descriptors Option"}}};
    std::string method;
    for (const auto& code : codes) {
        method += (method.empty() ? "" : "\\") + std::string(code[1]);
    }
    dataset.putAndInsertString(DCM_PatientIdentityRemoved, "YES");
    dataset.putAndInsertString(DCM_DeidentificationMethod, method.c_str());
    for (const auto& code : codes) {
        DcmItem* item = nullptr;
        if (dataset.findOrCreateSequenceItem(DCM_DeidentificationMethodCodeSequence, item, -2)
                .good() &&
            item) {
            item->putAndInsertString(DCM_CodeValue, code[0]);
            item->putAndInsertString(DCM_CodingSchemeDesignator, "DCM");
            item->putAndInsertString(DCM_CodeMeaning, code[1]);
        }
    }
    dataset.putAndInsertString(DCM_LongitudinalTemporalInformationModified, "UNMODIFIED");
}

}  // namespace

std::string generateUid() {
    std::random_device device;
    std::array<std::uint32_t, 4> words{device(), device(), device(), device()};
    words[1] = (words[1] & 0xFFFF0FFFu) | 0x00004000u;  // UUID version 4
    words[2] = (words[2] & 0x3FFFFFFFu) | 0x80000000u;  // RFC 4122 variant
    return "2.25." + toDecimal(words);
}

Status writeSrReport(const SrReport& report, const std::string& path) {
    DSRDocument doc(DSRTypes::DT_BasicTextSR);
    if (Status header = fillHeader(doc, report, path); !header) {
        return header;
    }
    const std::string deviceUid = report.device.uid.empty() ? generateUid() : report.device.uid;
    const std::string treeError = detail::buildContentTree(doc.getTree(), report, deviceUid);
    if (!treeError.empty()) {
        return writeError(path, treeError);
    }
    addEvidence(doc, report.evidence);
    DcmFileFormat file;
    if (OFCondition written = doc.write(*file.getDataset()); written.bad()) {
        return writeError(path, written.text());
    }
    finishDataset(*file.getDataset(), report);
    const OFCondition saved = file.saveFile(path.c_str(), EXS_LittleEndianExplicit);
    return saved.good() ? Status() : writeError(path, saved.text());
}

}  // namespace dicom
