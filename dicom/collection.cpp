#include "dicom/study.h"

#include "dicom/detail/collection_builder.h"

namespace dicom {

std::size_t Collection::instanceCount() const {
    std::size_t count = 0;
    for (const auto& patient : patients)
        for (const auto& study : patient.studies)
            for (const auto& series : study.series) count += series.instances.size();
    return count;
}

void mergeCollections(Collection& into, Collection more) {
    detail::CollectionBuilder builder(into);
    for (auto& patient : more.patients) {
        // Detach the children first so that the builder copies headers, not whole subtrees.
        auto studies = std::move(patient.studies);
        patient.studies.clear();
        for (auto& study : studies) {
            auto seriesList = std::move(study.series);
            study.series.clear();
            for (auto& series : seriesList) {
                auto instances = std::move(series.instances);
                series.instances.clear();
                for (auto& instance : instances) builder.add(patient, study, series, std::move(instance));
            }
        }
    }
    builder.finish();
    for (auto& error : more.errors) into.errors.push_back(std::move(error));
    into.cancelled = into.cancelled || more.cancelled;
}

}  // namespace dicom
