#pragma once
// Everything the user has opened in this window: the merged patient/study/series tree and the
// files that could not be read.
// Thread-safety: GUI thread only.

#include <QObject>
#include <QString>

#include "dicom/study.h"

namespace ui {

struct SeriesRef {
    const dicom::PatientInfo* patient = nullptr;
    const dicom::StudyInfo* study = nullptr;
    const dicom::SeriesInfo* series = nullptr;
    explicit operator bool() const { return series != nullptr; }
};

class StudySession : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    void add(dicom::Collection collection);
    void clear();

    const dicom::Collection& collection() const { return m_collection; }
    bool isEmpty() const { return m_collection.patients.empty(); }
    // Finds a series by Series Instance UID; the pointers stay valid until the next add/clear.
    SeriesRef findSeries(const QString& seriesUid) const;
    // The first series with images, preferring DICOM over photographs.
    QString firstSeriesUid() const;

Q_SIGNALS:
    void changed();

private:
    dicom::Collection m_collection;
};

}  // namespace ui
