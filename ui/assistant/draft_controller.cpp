#include "ui/assistant/draft_controller.h"

#include <QLocale>

#include "dicom/model_input.h"
#include "ui/assistant/prompt_panel.h"
#include "ui/report/report_editor.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/qimage_conversion.h"
#include "ui/viewer/series_viewer.h"

namespace ui {
namespace {

DraftItem textItem(const QString& text) { return {DraftItem::Kind::Text, text, -1}; }
DraftItem imageItem(int index) { return {DraftItem::Kind::Image, {}, index}; }

// The user's turn in the order MedGemma's published pipelines use for the template.
QList<DraftItem> orderItems(const PromptTemplate& t, const QString& question, int images) {
    QList<DraftItem> items;
    switch (t.placement) {
        case ImagePlacement::None:
            break;
        case ImagePlacement::BeforeText:
            for (int i = 0; i < images; ++i) {
                items << imageItem(i);
            }
            break;
        case ImagePlacement::AfterText:
            items << textItem(t.instruction.isEmpty() ? question : t.instruction);
            for (int i = 0; i < images; ++i) {
                items << imageItem(i);
            }
            return t.instruction.isEmpty() ? items : items << textItem(question);
        case ImagePlacement::Interleaved:
            if (!t.instruction.isEmpty()) {
                items << textItem(t.instruction);
            }
            for (int i = 0; i < images; ++i) {
                items << imageItem(i) << textItem(QStringLiteral("SLICE %1").arg(i + 1));
            }
            break;
    }
    items << textItem(question);
    return items;
}

}  // namespace

DraftController::DraftController(PromptPanel& panel, SeriesViewer& viewer, ReportEditor& editor,
                                 QObject* parent)
    : QObject(parent), m_panel(panel), m_viewer(viewer), m_editor(editor) {
    connect(&m_panel, &PromptPanel::draftRequested, this, &DraftController::start);
    connect(&m_panel, &PromptPanel::stopRequested, this, &DraftController::stop);
}

void DraftController::setService(DraftingService* service) {
    if (m_service) {
        disconnect(m_service, nullptr, this, nullptr);
    }
    m_service = service;
    if (!service) {
        return;
    }
    connect(service, &DraftingService::textChunk, this, &DraftController::onChunk);
    connect(service, &DraftingService::progress, this, &DraftController::onProgress);
    connect(service, &DraftingService::finished, this, &DraftController::onFinished);
    connect(service, &DraftingService::failed, this, &DraftController::onFailed);
}

QList<DraftImage> DraftController::selectedImages() const {
    const dicom::InstanceInfo* instance = m_viewer.currentInstance();
    const ImageViewer* viewer = m_viewer.viewer();
    if (!instance || !viewer->hasImage() || !m_viewer.series()) {
        return {};
    }
    const dicom::Image& frame = viewer->frame();
    const dicom::InputRecipe recipe = dicom::recipeFor(*m_viewer.series().series, *instance, frame);
    DraftImage image;
    image.rgb = toQImage(dicom::modelInputForFrame(frame, *instance, recipe));
    image.sopInstanceUid = QString::fromStdString(instance->sopInstanceUid);
    image.frame = m_viewer.currentFrame().frame;
    image.sourceLabel = tr("%1, image %2 of %3")
                            .arg(QString::fromStdString(m_viewer.series().series->modality))
                            .arg(m_viewer.index() + 1)
                            .arg(m_viewer.frameCount());
    image.recipe = QString::fromStdString(dicom::recipeDescription(recipe));
    return {image};
}

DraftRequest DraftController::buildRequest() const {
    const PromptTemplate& t = m_panel.currentTemplate();
    DraftRequest request;
    request.templateName = t.id;
    request.systemPrompt = t.systemPrompt;
    if (t.placement != ImagePlacement::None) {
        request.images = selectedImages();
    }
    DraftTurn turn;
    turn.items = orderItems(t, m_panel.promptText().trimmed(), int(request.images.size()));
    request.turns << turn;
    return request;
}

void DraftController::start() {
    if (!m_service || m_service->modelState() != ModelState::Ready || isDrafting()) {
        return;
    }
    if (m_panel.promptText().trimmed().isEmpty()) {
        Q_EMIT statusMessage(tr("Write what MedGemma should do first."), 5000);
        return;
    }
    const DraftRequest request = buildRequest();
    m_generated = 0;
    m_requestId = m_service->startDraft(request);
    m_editor.beginDraft(m_requestId);
    m_panel.setDrafting(true);
    Q_EMIT statusMessage(tr("Drafting…"), 0);
}

void DraftController::stop() {
    if (m_service && isDrafting()) {
        m_service->requestStop(m_requestId);
        Q_EMIT statusMessage(tr("Stopping…"), 0);
    }
}

void DraftController::onChunk(int requestId, const QString& text) {
    m_editor.appendChunk(requestId, text);
}

void DraftController::onProgress(int requestId, DraftPhase phase, double fraction) {
    if (requestId != m_requestId) {
        return;
    }
    const int percent = int(fraction * 100);
    switch (phase) {
        case DraftPhase::LoadingModel:
            Q_EMIT statusMessage(tr("Loading the model… %1%").arg(percent), 0);
            break;
        case DraftPhase::EncodingImages:
            Q_EMIT statusMessage(tr("Reading the images… %1%").arg(percent), 0);
            break;
        case DraftPhase::ReadingPrompt:
            Q_EMIT statusMessage(tr("Reading the prompt… %1%").arg(percent), 0);
            break;
        case DraftPhase::Writing:
            Q_EMIT statusMessage(tr("Writing…"), 0);
            break;
    }
}

void DraftController::onFinished(int requestId, DraftEnd end, const DraftStats& stats) {
    if (requestId != m_requestId) {
        return;
    }
    endRequest();
    const QString speed = tr("%1 tokens/s").arg(QLocale().toString(stats.decodeTokensPerSecond, 'f', 1));
    Q_EMIT speedChanged(speed);
    switch (end) {
        case DraftEnd::Completed:
            Q_EMIT statusMessage(tr("Draft complete: %n token(s). Review it before use.", nullptr,
                                    stats.generatedTokens), 10000);
            break;
        case DraftEnd::LengthLimit:
            Q_EMIT statusMessage(tr("The draft reached the length limit and may be cut short."),
                                 10000);
            break;
        case DraftEnd::Stopped:
            Q_EMIT statusMessage(tr("Drafting stopped; the text so far is kept."), 10000);
            break;
    }
}

void DraftController::onFailed(int requestId, const QString& message) {
    if (requestId != m_requestId) {
        return;
    }
    endRequest();
    Q_EMIT statusMessage(tr("Drafting failed: %1").arg(message), 15000);
    Q_EMIT draftFailed(message);
}

void DraftController::endRequest() {
    m_editor.endDraft(m_requestId);
    m_requestId = 0;
    m_panel.setDrafting(false);
}

}  // namespace ui
