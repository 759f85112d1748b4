#include "dicom/detail/collection_builder.h"

#include "dicom/slice_order.h"

namespace dicom::detail {
namespace {

std::string patientKey(const PatientInfo& p) {
    const char kind = p.kind == SourceKind::Photograph ? 'P' : 'D';
    return kind + ('\x1f' + p.patientId + '\x1f' + p.name);
}

template <typename T>
T withoutChildren(const T& value) {
    T copy = value;
    if constexpr (std::is_same_v<T, PatientInfo>) copy.studies.clear();
    if constexpr (std::is_same_v<T, StudyInfo>) copy.series.clear();
    if constexpr (std::is_same_v<T, SeriesInfo>) copy.instances.clear();
    return copy;
}

}  // namespace

CollectionBuilder::CollectionBuilder(Collection& target) : m_target(target) {
    auto& patients = m_target.patients;
    for (std::size_t p = 0; p < patients.size(); ++p) {
        m_patients.emplace(patientKey(patients[p]), p);
        for (std::size_t s = 0; s < patients[p].studies.size(); ++s) {
            const auto& study = patients[p].studies[s];
            m_studies.emplace(std::make_pair(p, study.studyInstanceUid), s);
            for (std::size_t r = 0; r < study.series.size(); ++r) {
                m_series.emplace(std::make_tuple(p, s, study.series[r].seriesInstanceUid), r);
                for (const auto& instance : study.series[r].instances) index({p, s, r}, instance);
            }
        }
    }
}

void CollectionBuilder::index(const Position& position, const InstanceInfo& instance) {
    m_paths.insert(instance.path);
    m_sopUids.emplace(position, instance.sopInstanceUid);
}

std::size_t CollectionBuilder::patientIndex(const PatientInfo& patient) {
    const auto [it, inserted] = m_patients.emplace(patientKey(patient), m_target.patients.size());
    if (inserted) m_target.patients.push_back(withoutChildren(patient));
    return it->second;
}

std::size_t CollectionBuilder::studyIndex(std::size_t p, const StudyInfo& study) {
    auto& studies = m_target.patients[p].studies;
    const auto [it, inserted] = m_studies.emplace(std::make_pair(p, study.studyInstanceUid), studies.size());
    if (inserted) studies.push_back(withoutChildren(study));
    return it->second;
}

std::size_t CollectionBuilder::seriesIndex(std::size_t p, std::size_t s, const SeriesInfo& series) {
    auto& list = m_target.patients[p].studies[s].series;
    const auto [it, inserted] = m_series.emplace(std::make_tuple(p, s, series.seriesInstanceUid), list.size());
    if (inserted) list.push_back(withoutChildren(series));
    return it->second;
}

void CollectionBuilder::add(const PatientInfo& patient, const StudyInfo& study, const SeriesInfo& series,
                            InstanceInfo instance) {
    if (m_paths.count(instance.path)) return;
    const std::size_t p = patientIndex(patient);
    const std::size_t s = studyIndex(p, study);
    const std::size_t r = seriesIndex(p, s, series);
    const Position position{p, s, r};
    if (m_sopUids.count({position, instance.sopInstanceUid})) return;
    index(position, instance);
    m_touched.insert(position);
    m_target.patients[p].studies[s].series[r].instances.push_back(std::move(instance));
}

void CollectionBuilder::finish() {
    for (const auto& [p, s, r] : m_touched) sortSeriesInstances(m_target.patients[p].studies[s].series[r].instances);
    m_touched.clear();
}

}  // namespace dicom::detail
