#pragma once
// Offers a report an earlier run left unsaved (closed without saving, or stopped by a crash, a
// kill or a power cut): when it was last written, the patient and study, the status and the
// beginning of the text, with Restore, Discard and Decide later (the journal then waits for
// the next start).
// Ownership: a normal dialog; the caller owns it (usually WA_DeleteOnClose).
// Thread-safety: GUI thread only.

#include <QDialog>

#include "ui/report/report_journal.h"

class QPushButton;

namespace ui {

class RecoveryDialog : public QDialog {
    Q_OBJECT
public:
    enum class Choice { Later, Restore, Discard };

    RecoveryDialog(const ReportJournal::Orphan& orphan, int moreOrphans, QWidget* parent = nullptr);

    const ReportJournal::Orphan& orphan() const { return m_orphan; }
    Choice choice() const { return m_choice; }  // read it when QDialog::finished is emitted
    QPushButton* restoreButton() const { return m_restore; }
    QPushButton* discardButton() const { return m_discard; }

private:
    QString summary(int moreOrphans) const;
    void choose(Choice choice);

    ReportJournal::Orphan m_orphan;
    Choice m_choice = Choice::Later;
    QPushButton* m_restore = nullptr;
    QPushButton* m_discard = nullptr;
};

}  // namespace ui
