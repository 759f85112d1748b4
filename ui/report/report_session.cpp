#include "ui/report/report_session.h"

#include "ui/report/report_journal.h"
#include "ui/report/report_json.h"
#include "ui/report/report_links.h"

namespace ui {
namespace {

// The journal is rewritten as one record when it grows past this.
constexpr qint64 kCompactBytes = 4 * 1024 * 1024;

DraftOutcome outcomeOf(DraftEnd end) {
    switch (end) {
        case DraftEnd::Completed:
            return DraftOutcome::Completed;
        case DraftEnd::LengthLimit:
            return DraftOutcome::LengthLimit;
        case DraftEnd::Stopped:
            break;
    }
    return DraftOutcome::Stopped;
}

}  // namespace

ReportSession::ReportSession(const QString& journalDirectory, QObject* parent)
    : QObject(parent), m_doc(ReportDocument::create()), m_journalDirectory(journalDirectory) {
    m_journalTimer.setSingleShot(true);
    m_journalTimer.setInterval(kJournalIntervalMs);
    connect(&m_journalTimer, &QTimer::timeout, this, &ReportSession::syncText);
}

ReportSession::~ReportSession() = default;

QString ReportSession::journalPath() const {
    return m_journal ? m_journal->path() : QString();
}

bool ReportSession::isModified() const {
    return currentText() != m_savedText || m_doc.versions.size() != m_savedVersions;
}

void ReportSession::setTextSource(std::function<QString()> source) {
    m_textSource = std::move(source);
}

QString ReportSession::currentText() const {
    return m_textSource ? m_textSource() : m_doc.text;
}

void ReportSession::textEdited() {
    if (!m_journalTimer.isActive()) {
        m_journalTimer.start();
    }
}

void ReportSession::ensureJournal() {
    if (!m_journal && !m_journalDirectory.isEmpty()) {
        m_journal = std::make_unique<ReportJournal>(m_journalDirectory);
    }
    if (m_journal && !m_journal->isOpen()) {
        m_journal->open(m_doc);
    }
}

// Journals the clinician's text when it changed; a change after a draft makes it "edited".
void ReportSession::syncText() {
    const QString text = currentText();
    if (text == m_doc.text) {
        return;
    }
    m_doc.text = text;
    ensureJournal();
    if (m_journal) {
        m_journal->recordText(text);
    }
    if (m_requestId == 0 && m_doc.status != ReportStatus::Edited && text != m_afterDraftText) {
        m_doc.status = ReportStatus::Edited;
        touch();
    }
    if (m_journal && m_journal->size() > kCompactBytes) {
        m_journal->compact(m_doc);
    }
}

void ReportSession::touch() {
    m_doc.modified = QDateTime::currentDateTimeUtc();
    if (m_journal) {
        m_journal->recordDocument(m_doc);
    }
    Q_EMIT documentChanged();
}

void ReportSession::beginDraft(int requestId) {
    syncText();
    m_requestId = requestId;
    m_streamed.clear();
    if (!m_textSource && !m_doc.text.isEmpty() && !m_doc.text.endsWith(QLatin1Char('\n'))) {
        m_doc.text += QStringLiteral("\n\n");  // as the editor separates drafts
    }
    ensureJournal();
    if (m_journal) {
        m_journal->recordDraftBegin(requestId);
    }
}

void ReportSession::appendDraftText(int requestId, const QString& text) {
    if (requestId != m_requestId || requestId == 0) {
        return;
    }
    m_streamed += text;
    if (!m_textSource) {
        m_doc.text += text;
    }
    if (m_journal) {
        m_journal->recordChunk(requestId, text);
    }
}

void ReportSession::finishDraft(int requestId, DraftEnd end, const DraftStats& stats,
                                const dicom::Collection& collection) {
    if (requestId != m_requestId || requestId == 0) {
        return;
    }
    m_requestId = 0;
    DraftRecord record;
    record.provenance = stats.provenance;
    record.outcome = outcomeOf(end);
    record.output = m_streamed;
    record.promptTokens = stats.promptTokens;
    record.generatedTokens = stats.generatedTokens;
    linkDraftImages(m_doc, stats.provenance.images, collection);
    for (DraftImage& image : record.provenance.images) {
        image.rgb = QImage();  // the pictures live in m_doc.images
    }
    m_doc.drafts << record;
    m_doc.text = currentText();
    m_afterDraftText = m_doc.text;
    m_doc.status = ReportStatus::AiDraft;
    m_doc.recordVersion(QStringLiteral("draft"));
    touch();
}

void ReportSession::abandonDraft(int requestId) {
    if (requestId == m_requestId) {
        m_requestId = 0;
        syncText();
    }
}

void ReportSession::applyWeightDigests(const QList<WeightDigest>& digests) {
    bool changed = false;
    for (DraftRecord& draft : m_doc.drafts) {
        for (WeightDigest& weight : draft.provenance.weights) {
            for (const WeightDigest& known : digests) {
                if (weight.sha256.isEmpty() && weight.path == known.path &&
                    weight.bytes == known.bytes) {
                    weight.sha256 = known.sha256;
                    changed = true;
                }
            }
        }
    }
    if (changed) {
        touch();
    }
}

void ReportSession::newReport() {
    adopt(ReportDocument::create());
}

void ReportSession::adopt(const ReportDocument& doc, const QString& filePath) {
    if (m_journal) {
        m_journal->discard();
    }
    m_requestId = 0;
    m_doc = doc;
    m_filePath = filePath;
    m_savedText = filePath.isEmpty() ? QString() : doc.text;
    m_savedVersions = filePath.isEmpty() ? -1 : int(doc.versions.size());
    const ReportVersion* ai = m_doc.lastAiVersion();
    m_afterDraftText = ai ? ai->text : QString();
    Q_EMIT textReplaced(m_doc.text);
    if (!m_doc.isEmpty()) {
        // A restored report is protected again at once: its new journal is on the disk before
        // the caller removes the one it came from, so a crash in between loses nothing.
        ensureJournal();
        if (m_journal) {
            m_journal->sync();
        }
    }
    Q_EMIT documentChanged();
}

bool ReportSession::save(const QString& path, QString* error) {
    syncText();
    m_doc.modified = QDateTime::currentDateTimeUtc();
    m_doc.recordVersion(QStringLiteral("save"));
    if (!saveReportFile(m_doc, path, error)) {
        return false;
    }
    m_filePath = path;
    m_savedText = m_doc.text;
    m_savedVersions = int(m_doc.versions.size());
    if (m_journal) {
        m_journal->compact(m_doc);
    }
    Q_EMIT documentChanged();
    return true;
}

void ReportSession::markFinal() {
    syncText();
    m_doc.status = ReportStatus::Final;
    m_afterDraftText = m_doc.text;  // further typing makes it "edited" again
    m_doc.recordVersion(QStringLiteral("final"));
    ensureJournal();
    touch();
}

void ReportSession::flushJournal() {
    syncText();
    if (m_journal) {
        m_journal->sync();
    }
}

void ReportSession::close() {
    m_journalTimer.stop();
    syncText();
    if (!m_journal) {
        return;
    }
    if (m_doc.isEmpty() || !isModified()) {
        m_journal->discard();
    } else {
        m_journal->sync();  // kept: the next start offers it
    }
}

}  // namespace ui
