#include "dicom/detail/text_scrub.h"

#include <algorithm>
#include <cctype>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>

#include "dicom/detail/dataset_fields.h"

namespace dicom::detail {
namespace {

// Person names whose components are identifiers wherever they appear.
const DcmTagKey kPersonNames[] = {
    DCM_PatientName, DCM_OtherPatientNames, DCM_PatientBirthName, DCM_PatientMotherBirthName,
    DCM_ReferringPhysicianName, DCM_PerformingPhysicianName, DCM_NameOfPhysiciansReadingStudy,
    DCM_OperatorsName, DCM_RequestingPhysician, DCM_PhysiciansOfRecord, DCM_ResponsiblePerson,
    DCM_ScheduledPerformingPhysicianName};

// Values that identify as a whole (IDs, institutions, addresses).
const DcmTagKey kWholeValues[] = {
    DCM_PatientID, DCM_RETIRED_OtherPatientIDs, DCM_AccessionNumber, DCM_StudyID, DCM_RETIRED_MedicalRecordLocator,
    DCM_InstitutionName, DCM_InstitutionAddress, DCM_InstitutionalDepartmentName, DCM_PatientAddress,
    DCM_PatientTelephoneNumbers, DCM_StationName, DCM_AdmissionID, DCM_IssuerOfPatientID};

bool isWordChar(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::vector<std::string> split(const std::string& text, const std::string& separators) {
    std::vector<std::string> parts;
    std::string current;
    for (char c : text) {
        if (separators.find(c) != std::string::npos) {
            parts.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    parts.push_back(current);
    return parts;
}

std::vector<std::string> dateSpellings(const std::string& da) {
    if (da.size() != 8 || !std::all_of(da.begin(), da.end(), ::isdigit)) return {};
    const std::string y = da.substr(0, 4), m = da.substr(4, 2), d = da.substr(6, 2);
    return {da, y + "-" + m + "-" + d, d + "." + m + "." + y, d + "/" + m + "/" + y, m + "/" + d + "/" + y};
}

}  // namespace

IdentifierScrubber::IdentifierScrubber(DcmItem& ds) {
    for (const auto& tag : kPersonNames)
        for (const auto& component : split(allValues(ds, tag), "^=\\ ,"))
            if (component.size() >= 2) add(component);
    for (const auto& tag : kWholeValues)
        for (const auto& value : split(allValues(ds, tag), "\\")) add(value);
    for (const auto& spelling : dateSpellings(stringValue(ds, DCM_PatientBirthDate))) add(spelling);
    std::sort(m_identifiers.begin(), m_identifiers.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

IdentifierScrubber::IdentifierScrubber(std::vector<std::string> identifiers) {
    for (auto& i : identifiers) add(i);
    std::sort(m_identifiers.begin(), m_identifiers.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

void IdentifierScrubber::add(const std::string& identifier) {
    const auto first = identifier.find_first_not_of(' ');
    if (first == std::string::npos) return;
    const std::string trimmed = identifier.substr(first, identifier.find_last_not_of(' ') - first + 1);
    if (trimmed.size() < 2 || std::find(m_identifiers.begin(), m_identifiers.end(), trimmed) != m_identifiers.end())
        return;
    m_identifiers.push_back(trimmed);
}

std::string IdentifierScrubber::scrub(const std::string& text) const {
    std::string out = text;
    const std::string folded = lower(text);
    for (const auto& identifier : m_identifiers) {
        const std::string needle = lower(identifier);
        for (auto at = folded.find(needle); at != std::string::npos; at = folded.find(needle, at + 1)) {
            const bool startsWord = at == 0 || !isWordChar(static_cast<unsigned char>(folded[at - 1]));
            const std::size_t end = at + needle.size();
            const bool endsWord = end == folded.size() || !isWordChar(static_cast<unsigned char>(folded[end]));
            if (startsWord && endsWord) out.replace(at, needle.size(), needle.size(), '*');
        }
    }
    return out;
}

}  // namespace dicom::detail
