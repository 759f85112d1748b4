#pragma once
// DraftController: the drafting workflow. Builds a request from the chosen template, the prompt
// panel and the model inputs (the exact prepared images, waiting for a preparation in progress),
// sends it through a RequestRunner, streams the answer into the report editor, and handles
// Stop, completion and errors without ever losing report text.
// Ownership: panel, inputs and editor are not owned and must outlive the controller.
// Thread-safety: GUI thread only.

#include <QObject>

#include "ui/drafting_service.h"

namespace ui {

class ModelInputs;
class PromptPanel;
class ReportEditor;
class RequestRunner;

class DraftController : public QObject {
    Q_OBJECT
public:
    DraftController(PromptPanel& panel, ModelInputs& inputs, ReportEditor& editor,
                    QObject* parent = nullptr);

    void setService(DraftingService* service);  // not owned; may be null
    // True from Draft until the request ends, including while the images are still prepared.
    bool isDrafting() const;
    int currentRequestId() const;
    RequestRunner* runner() const { return m_runner; }

    // The request a Draft click would send now (also used for the token budget).
    DraftRequest buildRequest() const;

    void start();
    void stop();

Q_SIGNALS:
    void statusMessage(const QString& message, int timeoutMs);
    void speedChanged(const QString& text);  // e.g. "12.3 tokens/s"
    void draftFailed(const QString& message);
    void draftingChanged(bool drafting);

private:
    void send();
    void onEnded(int requestId, DraftEnd end, const DraftStats& stats);
    void onFailed(int requestId, const QString& message);
    void endRequest(int requestId);

    PromptPanel& m_panel;
    ModelInputs& m_inputs;
    ReportEditor& m_editor;
    RequestRunner* m_runner = nullptr;
    bool m_waitingForInputs = false;
};

}  // namespace ui
