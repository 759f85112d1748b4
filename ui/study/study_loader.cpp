#include "ui/study/study_loader.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent>

#include "dicom/loader.h"

namespace ui {

StudyLoader::StudyLoader(QObject* parent) : QObject(parent) {
    connect(&m_watcher, &QFutureWatcher<dicom::Collection>::finished, this,
            &StudyLoader::onFinished);
}

StudyLoader::~StudyLoader() {
    cancel();
    m_watcher.waitForFinished();
}

bool StudyLoader::isBusy() const { return m_busy; }

void StudyLoader::cancel() {
    m_queue.clear();
    if (m_cancel) {
        m_cancel->store(true);
    }
}

void StudyLoader::load(const QStringList& paths) {
    if (isBusy()) {
        m_queue.append(paths);  // opened while a scan runs: scanned right after it
        return;
    }
    start(paths);
}

void StudyLoader::start(const QStringList& paths) {
    m_busy = true;
    m_paths = paths;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    std::vector<std::string> files;
    for (const QString& p : paths) {
        files.push_back(p.toStdString());
    }
    QPointer<StudyLoader> self(this);
    auto cancelFlag = m_cancel;
    m_watcher.setFuture(QtConcurrent::run([files, cancelFlag, self]() {
        QElapsedTimer sinceLastReport;
        sinceLastReport.start();
        auto onProgress = [self, &sinceLastReport](const dicom::ScanProgress& p) {
            // At most ~20 reports a second: a folder of thousands of files must not flood the
            // GUI thread's event queue.
            if (sinceLastReport.elapsed() < 50 && p.filesDone != p.filesTotal) {
                return;
            }
            sinceLastReport.restart();
            // Progress crosses to the GUI thread as a queued call; the loader may be gone.
            QMetaObject::invokeMethod(
                self.data(),
                [self, p]() {
                    if (self) {
                        Q_EMIT self->progress(int(p.filesDone), int(p.filesTotal),
                                              QString::fromStdString(p.currentPath));
                    }
                },
                Qt::QueuedConnection);
        };
        return dicom::scanPaths(files, onProgress, cancelFlag.get());
    }));
}

void StudyLoader::onFinished() {
    m_busy = false;
    if (m_cancel && m_cancel->load()) {
        Q_EMIT cancelled();
        return;
    }
    Q_EMIT loaded(m_watcher.result(), m_paths);
    if (!m_queue.isEmpty()) {
        start(m_queue.takeFirst());
    }
}

}  // namespace ui
