#pragma once
// Scans files and folders on a worker thread (dicom::scanPaths) with progress and cancel, and
// hands the grouped result back on the GUI thread. One scan at a time; paths opened during a
// scan are queued behind it. cancel() stops the running scan and drops the queue.
// Thread-safety: GUI thread only; the scan itself runs on Qt's global thread pool.

#include <atomic>
#include <memory>

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include "dicom/study.h"

namespace ui {

class StudyLoader : public QObject {
    Q_OBJECT
public:
    explicit StudyLoader(QObject* parent = nullptr);
    ~StudyLoader() override;

    void load(const QStringList& paths);
    void cancel();
    bool isBusy() const;

Q_SIGNALS:
    void progress(int filesDone, int filesTotal, const QString& currentPath);
    void loaded(const dicom::Collection& collection, const QStringList& paths);
    void cancelled();

private:
    void start(const QStringList& paths);
    void onFinished();

    QFutureWatcher<dicom::Collection> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QStringList m_paths;
    QList<QStringList> m_queue;
    bool m_busy = false;  // from start() until its result is handed out on the GUI thread
};

}  // namespace ui

Q_DECLARE_METATYPE(dicom::Collection)
