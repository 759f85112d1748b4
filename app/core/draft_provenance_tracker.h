#pragma once
// Gathers the provenance of each request the drafting service runs (ui::DraftProvenance): the
// request's template, sampling and images when it starts, the engine's model and rendered
// prompt when it ends, the weight files' SHA-256 from the digest cache (hashed in the
// background from the moment a model starts loading), the application version and the times.
// When a request ends it also appends the inference's line to the audit log.
// Ownership: owns the digest cache and the audit log (both at their default paths).
// Thread-safety: GUI thread only.

#include <QHash>
#include <QObject>

#include "app/core/engine_run_facts.h"
#include "ui/drafting_service.h"

#include <memory>

namespace ui {
class AuditLog;
}

namespace app {

class WeightDigestCache;

class DraftProvenanceTracker : public QObject {
    Q_OBJECT
public:
    explicit DraftProvenanceTracker(QObject* parent = nullptr);
    ~DraftProvenanceTracker() override;

    void modelLoading(const QString& directory);  // starts hashing its weight files
    void requestStarted(int requestId, const ui::DraftRequest& request);
    void engineFacts(int requestId, const EngineRunFacts& facts);
    void textChunk(int requestId, const QString& text);
    // The finished request's provenance (then forgotten); writes its audit line.
    ui::DraftProvenance finish(int requestId, ui::DraftEnd end, const ui::DraftStats& stats);
    void forget(int requestId);  // a failed request

    WeightDigestCache& digests() const { return *m_digests; }
    ui::AuditLog& audit() const { return *m_audit; }

Q_SIGNALS:
    void weightDigestsReady(const QList<ui::WeightDigest>& digests);

private:
    struct Run {
        ui::DraftProvenance provenance;
        QStringList weightFiles;
        QString output;
    };
    WeightDigestCache* m_digests = nullptr;
    std::unique_ptr<ui::AuditLog> m_audit;
    QHash<int, Run> m_runs;
};

}  // namespace app
