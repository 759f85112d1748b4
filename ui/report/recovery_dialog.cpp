#include "ui/report/recovery_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/report/report_text.h"

namespace ui {
namespace {

constexpr int kPreviewCharacters = 600;

}  // namespace

RecoveryDialog::RecoveryDialog(const ReportJournal::Orphan& orphan, int moreOrphans,
                               QWidget* parent)
    : QDialog(parent), m_orphan(orphan) {
    setWindowTitle(tr("Restore unsaved report"));
    setObjectName(QStringLiteral("recoveryDialog"));
    auto* label = new QLabel(summary(moreOrphans), this);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    auto* preview = new QPlainTextEdit(this);
    preview->setReadOnly(true);
    preview->setPlainText(orphan.document.text.left(kPreviewCharacters));
    preview->setAccessibleName(tr("Beginning of the unsaved report"));
    auto* buttons = new QDialogButtonBox(this);
    m_restore = buttons->addButton(tr("&Restore"), QDialogButtonBox::AcceptRole);
    m_discard = buttons->addButton(tr("&Discard"), QDialogButtonBox::DestructiveRole);
    buttons->addButton(tr("Decide &later"), QDialogButtonBox::RejectRole);
    m_restore->setDefault(true);
    connect(m_restore, &QPushButton::clicked, this, [this] { choose(Choice::Restore); });
    connect(m_discard, &QPushButton::clicked, this, [this] { choose(Choice::Discard); });
    connect(buttons, &QDialogButtonBox::rejected, this, [this] { choose(Choice::Later); });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(preview, 1);
    layout->addWidget(buttons);
    resize(560, 380);
}

QString RecoveryDialog::summary(int moreOrphans) const {
    const ReportDocument& doc = m_orphan.document;
    const QString when = QLocale().toString(m_orphan.lastWrite.toLocalTime(), QLocale::LongFormat);
    QString text = tr("A report was not saved when the workstation last ended (it was closed "
                      "or stopped unexpectedly). It was last written at %1.")
                       .arg(when);
    const QString patient = formatPersonName(doc.study.patientName);
    if (!patient.isEmpty() || !doc.study.studyDescription.isEmpty()) {
        text += QLatin1Char('\n') +
                tr("Patient: %1  Study: %2 %3")
                    .arg(patient, doc.study.studyDescription, formatDicomDate(doc.study.studyDate));
    }
    text += QLatin1Char('\n') + tr("Status: %1, %n AI draft(s)", nullptr, int(doc.drafts.size()))
                                    .arg(statusText(doc.status));
    if (moreOrphans > 0) {
        text += QLatin1Char('\n') + tr("%n more unsaved report(s) will be offered after this one.",
                                       nullptr, moreOrphans);
    }
    return text;
}

void RecoveryDialog::choose(Choice choice) {
    m_choice = choice;
    if (choice == Choice::Later) {
        reject();
    } else {
        accept();
    }
}

}  // namespace ui
