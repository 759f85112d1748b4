#pragma once
// RequestRunner: one request at a time to the DraftingService, for any panel that streams an
// answer (the report draft, the text assistant). It keeps the request id, drops signals of other
// ids, turns progress into status text, stops through the service's direct stop, and reports
// the speed when the request ends. Panels decide where the text goes.
// Ownership: the service is not owned (tracked with QPointer).
// Thread-safety: GUI thread only.

#include <QObject>
#include <QPointer>

#include "ui/drafting_service.h"

namespace ui {

class RequestRunner : public QObject {
    Q_OBJECT
public:
    explicit RequestRunner(QObject* parent = nullptr);

    void setService(DraftingService* service);  // not owned; may be null
    DraftingService* service() const { return m_service; }
    bool canStart() const;  // a ready model and nothing running
    bool isRunning() const { return m_requestId != 0; }
    int requestId() const { return m_requestId; }

    // Sends `request`; returns its id, or 0 when canStart() is false.
    int start(const DraftRequest& request);
    void stop();

    static QString phaseText(DraftPhase phase);  // "Reading the images…"

Q_SIGNALS:
    void chunk(int requestId, const QString& text);
    void progress(ui::DraftPhase phase, double fraction);
    void ended(int requestId, ui::DraftEnd end, const ui::DraftStats& stats);
    void failed(int requestId, const QString& message);
    void statusMessage(const QString& message, int timeoutMs);
    void speedChanged(const QString& text);  // e.g. "12.3 tokens/s"

private:
    void onChunk(int requestId, const QString& text);
    void onProgress(int requestId, DraftPhase phase, double fraction);
    void onFinished(int requestId, DraftEnd end, const DraftStats& stats);
    void onFailed(int requestId, const QString& message);

    QPointer<DraftingService> m_service;
    int m_requestId = 0;
};

}  // namespace ui
