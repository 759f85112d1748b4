#pragma once
// DraftController: the drafting workflow. Builds a request from the chosen template, the prompt
// and the selected images (prepared with the MedGemma input recipes), sends it to the
// DraftingService, streams the answer into the report editor, and handles Stop, completion and
// errors without ever losing report text.
// Thread-safety: GUI thread only.

#include <QObject>
#include <QPointer>

#include "ui/drafting_service.h"

namespace ui {

class PromptPanel;
class ReportEditor;
class SeriesViewer;

class DraftController : public QObject {
    Q_OBJECT
public:
    DraftController(PromptPanel& panel, SeriesViewer& viewer, ReportEditor& editor,
                    QObject* parent = nullptr);

    void setService(DraftingService* service);  // not owned; may be null
    bool isDrafting() const { return m_requestId != 0; }
    int currentRequestId() const { return m_requestId; }

    // The request a Draft click would send now (also used for the token budget).
    DraftRequest buildRequest() const;

    void start();
    void stop();

Q_SIGNALS:
    void statusMessage(const QString& message, int timeoutMs);
    void speedChanged(const QString& text);   // e.g. "12.3 tokens/s"
    void draftFailed(const QString& message);

private:
    QList<DraftImage> selectedImages() const;
    void onChunk(int requestId, const QString& text);
    void onProgress(int requestId, DraftPhase phase, double fraction);
    void onFinished(int requestId, DraftEnd end, const DraftStats& stats);
    void onFailed(int requestId, const QString& message);
    void endRequest();

    PromptPanel& m_panel;
    SeriesViewer& m_viewer;
    ReportEditor& m_editor;
    QPointer<DraftingService> m_service;
    int m_requestId = 0;
    int m_generated = 0;
};

}  // namespace ui
