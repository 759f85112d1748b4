#include "ui/assistant/model_notice.h"

#include <QLabel>
#include <QResizeEvent>
#include <QVBoxLayout>

namespace ui {

ModelNotice::ModelNotice(QWidget* parent) : QFrame(parent) {
    setFrameShape(QFrame::StyledPanel);
    setObjectName(QStringLiteral("modelNotice"));
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    m_label->setOpenExternalLinks(false);
    m_label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_label, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link == QLatin1String("choose-model")) {
            Q_EMIT chooseModelRequested();
        }
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_label);
    setState(ModelState::None, {});
}

QString ModelNotice::howToGetModel() {
    return tr("<b>No MedGemma model is selected.</b> Viewing works; drafting is off until a "
              "model is chosen.<br>To get one: sign in to Hugging Face, open "
              "<i>google/medgemma-4b-it</i>, accept the Health AI Developer Foundations terms, "
              "and download the whole folder (about 8.6 GB), e.g. with "
              "<tt>hf download google/medgemma-4b-it</tt>. Models in the Hugging Face cache are "
              "found automatically in <b>Model ▸ Model manager…</b> (Ctrl+Shift+M) — "
              "<a href=\"choose-model\">open it now</a>; a copy elsewhere can be chosen there "
              "or with Model ▸ Choose model folder… (Ctrl+M).");
}

void ModelNotice::setState(ModelState state, const QString& detail) {
    switch (state) {
        case ModelState::None:
            m_label->setText(howToGetModel());
            break;
        case ModelState::Loading:
            m_label->setText(tr("Loading %1 …").arg(detail.toHtmlEscaped()));
            break;
        case ModelState::Ready:
            m_label->setText(tr("Model: %1").arg(detail.toHtmlEscaped()));
            break;
        case ModelState::Failed:
            m_label->setText(tr("<b>The model could not be loaded.</b> %1<br>"
                                "<a href=\"choose-model\">Open the model manager</a>")
                                 .arg(detail.toHtmlEscaped()));
            break;
    }
    setProperty("state", int(state));
    keepWholeTextVisible();
}

void ModelNotice::resizeEvent(QResizeEvent* event) {
    QFrame::resizeEvent(event);
    // Queued: while the window is first laid out the notice passes through narrow widths whose
    // tall minimum would grow the whole window; only the width it settles at counts.
    QMetaObject::invokeMethod(this, &ModelNotice::keepWholeTextVisible, Qt::QueuedConnection);
}

// A word-wrapped label only asks for the height of a few lines, so a short panel squeezes the
// notice and cuts its last lines off. The height the text needs at the current width becomes
// the minimum instead; the panel's stretchable editors and the report below give way.
void ModelNotice::keepWholeTextVisible() {
    if (!isVisible()) {
        return;  // measured again when shown (a resize event comes with the first show)
    }
    const int needed = heightForWidth(width());
    if (needed > 0 && needed != minimumHeight()) {
        setMinimumHeight(needed);
    }
}

QString ModelNotice::text() const { return m_label->text(); }

}  // namespace ui
