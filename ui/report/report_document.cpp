#include "ui/report/report_document.h"

#include <QCoreApplication>
#include <QUuid>

namespace ui {

QString statusKey(ReportStatus status) {
    switch (status) {
        case ReportStatus::AiDraft:
            return QStringLiteral("ai-draft");
        case ReportStatus::Edited:
            return QStringLiteral("edited");
        case ReportStatus::Final:
            break;
    }
    return QStringLiteral("final");
}

bool statusFromKey(const QString& key, ReportStatus* status) {
    for (ReportStatus s : {ReportStatus::AiDraft, ReportStatus::Edited, ReportStatus::Final}) {
        if (statusKey(s) == key) {
            *status = s;
            return true;
        }
    }
    return false;
}

QString outcomeKey(DraftOutcome outcome) {
    switch (outcome) {
        case DraftOutcome::Completed:
            return QStringLiteral("completed");
        case DraftOutcome::LengthLimit:
            return QStringLiteral("length-limit");
        case DraftOutcome::Stopped:
            break;
    }
    return QStringLiteral("stopped");
}

ReportDocument ReportDocument::create() {
    ReportDocument doc;
    doc.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    doc.created = QDateTime::currentDateTimeUtc();
    doc.modified = doc.created;
    return doc;
}

const ReportVersion* ReportDocument::lastAiVersion() const {
    for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
        if (it->status == ReportStatus::AiDraft) {
            return &*it;
        }
    }
    return nullptr;
}

const ReportVersion& ReportDocument::recordVersion(const QString& note) {
    if (!versions.isEmpty() && versions.last().text == text && versions.last().status == status) {
        return versions.last();
    }
    ReportVersion version;
    version.number = versions.isEmpty() ? 1 : versions.last().number + 1;
    version.status = status;
    version.time = QDateTime::currentDateTimeUtc();
    version.text = text;
    version.note = note;
    versions << version;
    return versions.last();
}

QString ReportDocument::displayTitle() const {
    return title.isEmpty() ? QCoreApplication::translate("ui::ReportDocument", "Imaging report")
                           : title;
}

}  // namespace ui
