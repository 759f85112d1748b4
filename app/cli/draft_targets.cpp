#include "draft_targets.h"

namespace app::cli {
namespace {

bool hasImages(const dicom::SeriesInfo& series) {
    for (const auto& instance : series.instances) {
        if (instance.rows > 0 && instance.columns > 0) {
            return true;
        }
    }
    return false;
}

bool isPhotographs(const dicom::SeriesInfo& series) {
    return !series.instances.empty() &&
           series.instances.front().kind == dicom::SourceKind::Photograph;
}

// DICOM series first: a study that mixes both is read as the workstation shows it.
const dicom::SeriesInfo* imageSeriesOf(const dicom::StudyInfo& study) {
    const dicom::SeriesInfo* photographs = nullptr;
    for (const auto& series : study.series) {
        if (!hasImages(series)) {
            continue;
        }
        if (!isPhotographs(series)) {
            return &series;
        }
        if (!photographs) {
            photographs = &series;
        }
    }
    return photographs;
}

}  // namespace

std::vector<DraftTarget> draftTargets(const dicom::Collection& collection) {
    std::vector<DraftTarget> targets;
    for (const auto& patient : collection.patients) {
        for (const auto& study : patient.studies) {
            targets.push_back({&patient, &study, imageSeriesOf(study)});
        }
    }
    return targets;
}

QString studyFolderName(const std::string& studyInstanceUid) {
    QString name = QString::fromStdString(studyInstanceUid);
    for (QChar& c : name) {
        const bool plain = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                           c == QLatin1Char('.') || c == QLatin1Char('_') || c == QLatin1Char('-');
        if (!plain) {
            c = QLatin1Char('_');
        }
    }
    return name.isEmpty() ? QStringLiteral("unknown-study") : name;
}

}  // namespace app::cli
