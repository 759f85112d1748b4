#include "ui/help_dialogs.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMessageBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ui/report/report_editor.h"

namespace ui {
namespace {

QString cleanText(const QAction* action) {
    QString text = action->text();
    text.remove(QLatin1Char('&'));
    text.remove(QStringLiteral("…"));
    return text;
}

QList<QPair<QString, QString>> mouseGestures() {
    return {
        {QDialog::tr("Left drag"), QDialog::tr("Window / level")},
        {QDialog::tr("Shift + left drag, middle drag"), QDialog::tr("Pan")},
        {QDialog::tr("Right drag, Ctrl + wheel"), QDialog::tr("Zoom")},
        {QDialog::tr("Wheel"), QDialog::tr("Next / previous image")},
        {QDialog::tr("Double click"), QDialog::tr("Fit to window")},
        {QDialog::tr("Left drag with a Measure tool"), QDialog::tr("Draw the measurement")},
        {QDialog::tr("Drag an annotation or its handles"), QDialog::tr("Select and move it")},
        {QDialog::tr("Drag a series from the browser"), QDialog::tr("Show it in that viewport")},
    };
}

QList<QPair<QString, QString>> rows(const QList<QAction*>& actions) {
    QList<QPair<QString, QString>> out;
    for (const QAction* action : actions) {
        if (action && !action->shortcut().isEmpty()) {
            out.append({action->shortcut().toString(QKeySequence::NativeText), cleanText(action)});
        }
    }
    out.append(mouseGestures());
    return out;
}

}  // namespace

QString shortcutsText(const QList<QAction*>& actions) {
    QStringList lines;
    for (const auto& [keys, what] : rows(actions)) {
        lines << keys + QStringLiteral(" — ") + what;
    }
    return lines.join(QLatin1Char('\n'));
}

void showShortcutsDialog(QWidget* parent, const QList<QAction*>& actions) {
    QDialog dialog(parent);
    dialog.setWindowTitle(QDialog::tr("Keyboard shortcuts"));
    const auto table = rows(actions);
    auto* view = new QTableWidget(int(table.size()), 2, &dialog);
    view->setHorizontalHeaderLabels({QDialog::tr("Keys or mouse"), QDialog::tr("Action")});
    view->verticalHeader()->hide();
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int r = 0; r < table.size(); ++r) {
        view->setItem(r, 0, new QTableWidgetItem(table[r].first));
        view->setItem(r, 1, new QTableWidgetItem(table[r].second));
    }
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(view);
    layout->addWidget(buttons);
    dialog.resize(520, 560);
    dialog.exec();
}

void showAboutDialog(QWidget* parent, const QString& versionReport) {
    QMessageBox::about(
        parent, QDialog::tr("About MedGemma Workstation"),
        QDialog::tr("<h3>MedGemma Workstation</h3>"
                    "<p>Views DICOM and photographic studies and drafts reports with Google's "
                    "open MedGemma model, running on this computer. No image or text leaves "
                    "the machine.</p><p><b>%1</b></p><p>MedGemma is provided by Google under "
                    "the Health AI Developer Foundations terms of use.</p><pre>%2</pre>")
            .arg(ReportEditor::researchNotice().toHtmlEscaped(), versionReport.toHtmlEscaped()));
}

}  // namespace ui
