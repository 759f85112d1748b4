#include "ui/study/study_session.h"

namespace ui {

void StudySession::add(dicom::Collection collection) {
    dicom::mergeCollections(m_collection, std::move(collection));
    Q_EMIT changed();
}

void StudySession::clear() {
    m_collection = dicom::Collection();
    Q_EMIT changed();
}

SeriesRef StudySession::findSeries(const QString& seriesUid) const {
    const std::string uid = seriesUid.toStdString();
    for (const auto& patient : m_collection.patients) {
        for (const auto& study : patient.studies) {
            for (const auto& series : study.series) {
                if (series.seriesInstanceUid == uid) {
                    return {&patient, &study, &series};
                }
            }
        }
    }
    return {};
}

QString StudySession::firstSeriesUid() const {
    QString firstPhoto;
    for (const auto& patient : m_collection.patients) {
        for (const auto& study : patient.studies) {
            for (const auto& series : study.series) {
                if (series.instances.empty()) {
                    continue;
                }
                const QString uid = QString::fromStdString(series.seriesInstanceUid);
                if (series.instances.front().kind == dicom::SourceKind::Dicom) {
                    return uid;
                }
                if (firstPhoto.isEmpty()) {
                    firstPhoto = uid;
                }
            }
        }
    }
    return firstPhoto;
}

}  // namespace ui
