#pragma once
// Groups instances into the patient -> study -> series tree of a Collection: patients by
// Patient ID and name (two people sharing an ID stay apart), studies by Study Instance UID
// within the patient, series by Series Instance UID within the study. An instance already
// present (same path, or same SOP Instance UID in the series) is not added twice.
// Thread-safety: one builder per thread; it holds a reference to its collection.

#include <map>
#include <set>
#include <string>
#include <tuple>

#include "dicom/study.h"

namespace dicom::detail {

class CollectionBuilder {
public:
    explicit CollectionBuilder(Collection& target);

    void add(const PatientInfo& patient, const StudyInfo& study, const SeriesInfo& series,
             InstanceInfo instance);

    // Sorts every series that received instances; call once after the last add().
    void finish();

private:
    using Position = std::tuple<std::size_t, std::size_t, std::size_t>;  // patient, study, series

    std::size_t patientIndex(const PatientInfo& patient);
    std::size_t studyIndex(std::size_t patient, const StudyInfo& study);
    std::size_t seriesIndex(std::size_t patient, std::size_t study, const SeriesInfo& series);
    void index(const Position& position, const InstanceInfo& instance);

    Collection& m_target;
    std::map<std::string, std::size_t> m_patients;
    std::map<std::pair<std::size_t, std::string>, std::size_t> m_studies;
    std::map<std::tuple<std::size_t, std::size_t, std::string>, std::size_t> m_series;
    std::set<std::string> m_paths;
    std::set<std::pair<Position, std::string>> m_sopUids;
    std::set<Position> m_touched;
};

}  // namespace dicom::detail
