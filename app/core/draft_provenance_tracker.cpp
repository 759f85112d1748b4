#include "app/core/draft_provenance_tracker.h"

#include "app/core/about.h"
#include "app/core/weight_digests.h"
#include "ui/report/audit_log.h"

namespace app {

DraftProvenanceTracker::DraftProvenanceTracker(QObject* parent)
    : QObject(parent),
      m_digests(new WeightDigestCache(WeightDigestCache::defaultCacheFile(), this)),
      m_audit(std::make_unique<ui::AuditLog>()) {
    qRegisterMetaType<app::EngineRunFacts>();
    connect(m_digests, &WeightDigestCache::digestReady, this,
            [this](const ui::WeightDigest& digest) { Q_EMIT weightDigestsReady({digest}); });
}

DraftProvenanceTracker::~DraftProvenanceTracker() = default;

void DraftProvenanceTracker::modelLoading(const QString& directory) {
    m_digests->prepare(WeightDigestCache::weightFilesIn(directory));
}

void DraftProvenanceTracker::requestStarted(int requestId, const ui::DraftRequest& request) {
    Run run;
    run.provenance.templateName = request.templateName;
    run.provenance.sampling = request.sampling;
    run.provenance.images = request.images;
    run.provenance.applicationVersion = applicationVersion();
    run.provenance.started = QDateTime::currentDateTimeUtc();
    m_runs.insert(requestId, run);
}

void DraftProvenanceTracker::engineFacts(int requestId, const EngineRunFacts& facts) {
    const auto it = m_runs.find(requestId);
    if (it == m_runs.end()) {
        return;
    }
    ui::DraftProvenance& p = it->provenance;
    p.modelId = modelIdOf(facts.modelDirectory);
    p.modelVariant = facts.modelVariant;
    p.dtype = facts.dtype;
    p.device = facts.device;
    p.renderedPrompt = facts.renderedPrompt;
    it->weightFiles = facts.weightFiles;
    m_digests->prepare(facts.weightFiles);  // a file replaced since the load is hashed again
}

void DraftProvenanceTracker::textChunk(int requestId, const QString& text) {
    const auto it = m_runs.find(requestId);
    if (it != m_runs.end()) {
        it->output += text;
    }
}

ui::DraftProvenance DraftProvenanceTracker::finish(int requestId, ui::DraftEnd end,
                                                   const ui::DraftStats& stats) {
    Run run = m_runs.take(requestId);
    run.provenance.weights = m_digests->digests(run.weightFiles);
    run.provenance.finished = QDateTime::currentDateTimeUtc();
    m_audit->appendInference(requestId, run.provenance, run.output, end, stats);
    return run.provenance;
}

void DraftProvenanceTracker::forget(int requestId) {
    m_runs.remove(requestId);
}

}  // namespace app
