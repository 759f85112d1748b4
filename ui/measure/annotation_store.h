#pragma once
// The measurements and notes of the session, per study, per image (SOP Instance UID + frame).
// Each study's annotations are kept in a JSON sidecar in the application's data folder,
// <directory>/<study>.json, so reopening the study shows them again: a study is read the first
// time it is asked for, and written shortly after each change (and when the store is
// destroyed), never on every mouse move.
// Thread-safety: GUI thread only. Files: written atomically (QSaveFile); an unreadable or
// malformed file is reported through loadFailed and treated as empty, never fatal.

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include "ui/measure/annotation.h"

namespace ui {

struct ImageKey {
    QString studyUid;
    QString sopInstanceUid;
    int frame = 0;
    bool isValid() const { return !studyUid.isEmpty() && !sopInstanceUid.isEmpty(); }
};

class AnnotationStore : public QObject {
    Q_OBJECT
public:
    // `directory` empty: <AppDataLocation>/annotations.
    explicit AnnotationStore(const QString& directory = {}, QObject* parent = nullptr);
    ~AnnotationStore() override;  // writes what is not saved yet

    QList<Annotation> annotations(const ImageKey& image);
    void add(const ImageKey& image, const Annotation& annotation);
    void update(const ImageKey& image, const Annotation& annotation);  // by id
    void remove(const ImageKey& image, const QUuid& id);

    QString fileFor(const QString& studyUid) const;
    bool saveNow();                        // every study with unsaved changes
    void forget(const QString& studyUid);  // drops it from memory (the file stays)

Q_SIGNALS:
    void changed(const ImageKey& image);
    void loadFailed(const QString& path, const QString& reason);
    void saveFailed(const QString& path, const QString& reason);

private:
    using Images = QHash<QString, QList<Annotation>>;  // "<sop>#<frame>" -> annotations
    Images& study(const QString& studyUid);
    Images load(const QString& studyUid);
    bool save(const QString& studyUid);
    void touched(const ImageKey& image);

    QString m_directory;
    QHash<QString, Images> m_studies;
    QSet<QString> m_dirty;
    QTimer m_saveTimer;
};

}  // namespace ui
