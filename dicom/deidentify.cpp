// Deidentifier::file: one DICOM file through PS3.15 E.1 with the two options.
#include "dicom/deidentify.h"

#include <filesystem>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>

#include "dicom/detail/charset_convert.h"
#include "dicom/detail/dataset_fields.h"
#include "dicom/detail/deid_apply.h"
#include "dicom/detail/deid_table.h"
#include "dicom/detail/dicom_file.h"
#include "dicom/detail/uid_mapper.h"

namespace fs = std::filesystem;

namespace dicom {
namespace {

struct MethodCode {
    const char* value;
    const char* meaning;
};
constexpr MethodCode kBasic{"113100", "Basic Application Confidentiality Profile"};
constexpr MethodCode kFullDates{"113106", "Retain Longitudinal Temporal Information Full Dates Option"};
constexpr MethodCode kClean{"113105", "Clean Descriptors Option"};

std::vector<MethodCode> methodCodes(const DeidOptions& o) {
    std::vector<MethodCode> codes{kBasic};
    if (o.retainLongitudinalFullDates) codes.push_back(kFullDates);
    if (o.cleanDescriptors) codes.push_back(kClean);
    return codes;
}

void recordMethod(DcmDataset& ds, const DeidOptions& o) {
    ds.putAndInsertString(DCM_PatientIdentityRemoved, "YES");
    std::string method;
    for (const auto& code : methodCodes(o)) method += (method.empty() ? "" : "\\") + std::string(code.meaning);
    ds.putAndInsertString(DCM_DeidentificationMethod, method.c_str());
    ds.findAndDeleteElement(DCM_DeidentificationMethodCodeSequence);
    for (const auto& code : methodCodes(o)) {
        DcmItem* item = nullptr;
        if (ds.findOrCreateSequenceItem(DCM_DeidentificationMethodCodeSequence, item, -2).bad() || !item) continue;
        item->putAndInsertString(DCM_CodeValue, code.value);
        item->putAndInsertString(DCM_CodingSchemeDesignator, "DCM");
        item->putAndInsertString(DCM_CodeMeaning, code.meaning);
    }
    if (o.retainLongitudinalFullDates) ds.putAndInsertString(DCM_LongitudinalTemporalInformationModified, "UNMODIFIED");
}

std::vector<std::string> warningsFor(DcmDataset& ds, bool textUnreadable) {
    std::vector<std::string> w;
    if (detail::stringValue(ds, DCM_BurnedInAnnotation) == "YES")
        w.emplace_back("Burned In Annotation is YES: the pixels show text that may identify the patient.");
    if (detail::stringValue(ds, DCM_RecognizableVisualFeatures) == "YES")
        w.emplace_back("Recognizable Visual Features is YES: the pixels may show the patient's face.");
    const std::string modality = detail::stringValue(ds, DCM_Modality);
    if (!ds.tagExists(DCM_BurnedInAnnotation) && (modality == "US" || modality == "OT" || modality == "XC" ||
                                                  modality == "SC" || modality == "ES"))
        w.emplace_back("The file does not say whether text is burned into its pixels (" + modality +
                       " images often carry it); check the pixels before sharing.");
    if (textUnreadable)
        w.emplace_back("The file's character set could not be read; descriptions were removed instead of cleaned.");
    return w;
}

// Names and descriptions must be UTF-8 for cleaning; what cannot be converted is removed.
bool convertText(DcmFileFormat& file) { return detail::convertToUtf8(*file.getDataset()); }

Status save(DcmFileFormat& file, const std::string& output) {
    std::error_code ec;
    const fs::path parent = fs::path(output).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
    // A new meta header: the old one names the source application and the old instance UID.
    file.getMetaInfo()->clear();
    const OFCondition s = file.saveFile(output.c_str(), EXS_Unknown, EET_ExplicitLength, EGL_recalcGL, EPD_noChange,
                                        0, 0, EWM_createNewMeta);
    if (s.bad()) return Error{ErrorCode::WriteFailed, output + ": the de-identified file cannot be written (" + s.text() + ")"};
    return {};
}

DeidReport reportOf(const detail::DeidCounts& c, const std::string& input, const std::string& output) {
    DeidReport r;
    r.input = input;
    r.output = output;
    r.removed = c.removed;
    r.emptied = c.emptied;
    r.dummied = c.dummied;
    r.cleaned = c.cleaned;
    r.uidsReplaced = c.uidsReplaced;
    r.privateRemoved = c.privateRemoved;
    return r;
}

}  // namespace

Deidentifier::Deidentifier(DeidOptions options)
    : m_options(std::move(options)), m_secret(m_options.uidSecret) {
    // One secret per run, drawn now, so every file of the run maps UIDs alike.
    if (m_secret.empty()) m_secret = detail::UidMapper().map("secret");
}

Result<DeidReport> Deidentifier::file(const std::string& input, const std::string& output) const {
    auto opened = detail::openDicomFile(input);
    if (!opened) return opened.error();
    DcmFileFormat& file = *opened.value();
    if (file.loadAllDataIntoMemory().bad())
        return Error{ErrorCode::Corrupt, input + ": the file cannot be read completely"};
    DcmDataset& ds = *file.getDataset();
    const bool textUnreadable = !convertText(file);
    auto warnings = warningsFor(ds, textUnreadable);
    const bool burnedIn = detail::stringValue(ds, DCM_BurnedInAnnotation) == "YES";
    const detail::UidMapper uids(m_secret);
    const detail::IdentifierScrubber scrubber(ds);
    const unsigned options = (m_options.cleanDescriptors ? detail::kClean : 0u) |
                             (m_options.retainLongitudinalFullDates ? detail::kFullDates : 0u);
    detail::DeidContext context{uids, scrubber, options, textUnreadable, {}};
    detail::deidentifyItem(ds, context);
    if (!m_options.pseudonym.empty()) {
        ds.putAndInsertString(DCM_PatientName, m_options.pseudonym.c_str());
        ds.putAndInsertString(DCM_PatientID, m_options.pseudonym.c_str());
    }
    recordMethod(ds, m_options);
    if (Status s = save(file, output); !s) return s.error();
    DeidReport report = reportOf(context.counts, input, output);
    report.burnedInAnnotation = burnedIn;
    report.warnings = std::move(warnings);
    return report;
}

Result<DeidReport> deidentifyFile(const std::string& input, const std::string& output, const DeidOptions& options) {
    return Deidentifier(options).file(input, output);
}

}  // namespace dicom
