#include "ui/assistant/conversation_panel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/assistant/conversation_view.h"
#include "ui/assistant/model_notice.h"
#include "ui/assistant/request_builder.h"
#include "ui/common/settings_keys.h"

namespace ui {

ConversationPanel::ConversationPanel(QWidget* parent) : QWidget(parent) {
    m_notice = new ModelNotice(this);
    m_task = new QComboBox(this);
    m_task->setAccessibleName(tr("Text task"));
    m_task->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_task->setMinimumContentsLength(14);
    m_language = new QComboBox(this);
    m_language->setAccessibleName(tr("Answer language"));
    const QString saved =
        QSettings().value(settings::outputLanguage(), QStringLiteral("en")).toString();
    for (const OutputLanguage& language : outputLanguages()) {
        m_language->addItem(language.nativeName, language.code);
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(saved)));
    m_view = new ConversationView(this);
    m_record = new QLabel(this);
    m_record->setWordWrap(true);
    m_openRecord = new QToolButton(this);
    m_openRecord->setText(tr("Open record…"));
    m_openRecord->setToolTip(
        tr("Attach a health record: a text file or a FHIR JSON file "
           "(Ctrl+Shift+H)"));
    m_removeRecord = new QToolButton(this);
    m_removeRecord->setText(tr("Remove"));
    m_message = new QPlainTextEdit(this);
    m_message->setPlaceholderText(
        tr("Ask MedGemma (Ctrl+Return sends). Paste record text "
           "here too."));
    m_message->setAccessibleName(tr("Message"));
    m_message->setTabChangesFocus(true);
    m_message->setMaximumHeight(m_message->fontMetrics().lineSpacing() * 6 + 12);
    m_message->installEventFilter(this);
    m_newConversation = new QPushButton(tr("New conversation"), this);
    m_stop = new QPushButton(tr("Stop"), this);
    m_send = new QPushButton(tr("Send"), this);
    buildLayout();
    setRecordInfo({}, false);

    connect(m_send, &QPushButton::clicked, this, &ConversationPanel::sendRequested);
    connect(m_stop, &QPushButton::clicked, this, &ConversationPanel::stopRequested);
    connect(m_openRecord, &QToolButton::clicked, this, &ConversationPanel::openRecordRequested);
    connect(m_removeRecord, &QToolButton::clicked, this, &ConversationPanel::removeRecordRequested);
    connect(m_newConversation, &QPushButton::clicked, this,
            &ConversationPanel::newConversationRequested);
    connect(m_notice, &ModelNotice::chooseModelRequested, this,
            &ConversationPanel::chooseModelRequested);
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(settings::outputLanguage(), m_language->currentData());
    });
    updateButtons();
}

void ConversationPanel::buildLayout() {
    auto* form = new QFormLayout;
    form->addRow(tr("Task:"), m_task);
    form->addRow(tr("Answer in:"), m_language);
    auto* record = new QHBoxLayout;
    record->addWidget(m_record, 1);
    record->addWidget(m_removeRecord);
    record->addWidget(m_openRecord);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_newConversation);
    buttons->addStretch(1);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_send);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_notice);
    layout->addLayout(form);
    layout->addWidget(m_view, 1);
    layout->addLayout(record);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
}

void ConversationPanel::setTemplates(const QList<PromptTemplate>& templates) {
    const QString current = m_task->currentData().toString();
    m_templates.clear();
    QSignalBlocker block(m_task);
    m_task->clear();
    for (const PromptTemplate& t : templates) {
        if (!t.usesImages()) {
            m_templates << t;
            m_task->addItem(t.name, t.id);
        }
    }
    m_task->setCurrentIndex(std::max(0, m_task->findData(current)));
}

PromptTemplate ConversationPanel::currentTemplate() const {
    const int index = m_task->currentIndex();
    return index >= 0 && index < m_templates.size() ? m_templates[index] : PromptTemplate{};
}

QString ConversationPanel::languageCode() const {
    return m_language->currentData().toString();
}
QString ConversationPanel::message() const {
    return m_message->toPlainText();
}
void ConversationPanel::clearMessage() {
    m_message->clear();
}

void ConversationPanel::setModelState(ModelState state, const QString& detail) {
    m_modelState = state;
    m_notice->setState(state, detail);
    m_notice->setVisible(state != ModelState::Ready);
    updateButtons();
}

void ConversationPanel::setBusy(bool busy) {
    m_busy = busy;
    updateButtons();
}

void ConversationPanel::setRecordInfo(const QString& text, bool removable) {
    m_record->setText(text.isEmpty() ? tr("No health record attached.") : text);
    m_removeRecord->setVisible(removable);
}

QString ConversationPanel::recordInfo() const { return m_record->text(); }

void ConversationPanel::updateButtons() {
    m_send->setEnabled(m_modelState == ModelState::Ready && !m_busy);
    m_stop->setEnabled(m_busy);
    m_newConversation->setEnabled(!m_busy);
}

bool ConversationPanel::eventFilter(QObject* watched, QEvent* event) {
    // Ctrl+Return in the message box sends, as in chat programs.
    if (watched == m_message && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers().testFlag(Qt::ControlModifier)) {
            if (m_send->isEnabled()) {
                Q_EMIT sendRequested();
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace ui
