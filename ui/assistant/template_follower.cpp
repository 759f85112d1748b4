#include "ui/assistant/template_follower.h"

#include <QStringList>

#include "ui/assistant/default_template.h"
#include "ui/assistant/model_inputs.h"
#include "ui/assistant/prompt_panel.h"
#include "ui/study/study_session.h"
#include "ui/viewer/series_viewer.h"

namespace ui {
namespace {

// Patients are told apart as the collection merges them: by kind, ID and name.
QString patientKey(const dicom::PatientInfo& patient) {
    const QChar kind = patient.kind == dicom::SourceKind::Photograph ? u'P' : u'D';
    return kind + QChar(0x1f) + QString::fromStdString(patient.patientId) + QChar(0x1f) +
           QString::fromStdString(patient.name);
}

}  // namespace

TemplateFollower::TemplateFollower(StudySession& session, SeriesViewer& viewer, ModelInputs& inputs,
                                   PromptPanel& panel, QObject* parent)
    : QObject(parent), m_session(session), m_viewer(viewer), m_inputs(inputs), m_panel(panel) {
    connect(&m_inputs, &ModelInputs::selectionChanged, this, &TemplateFollower::follow);
    connect(&m_viewer, &SeriesViewer::seriesChanged, this, &TemplateFollower::follow);
    connect(&m_session, &StudySession::changed, this, &TemplateFollower::onSessionChanged);
    connect(&m_panel, &PromptPanel::templateChosen, this, &TemplateFollower::remember);
}

QStringList TemplateFollower::seriesToModel() const {
    QStringList uids;
    for (const FrameMark& mark : m_inputs.marks()) {
        if (!uids.contains(mark.seriesUid)) {
            uids << mark.seriesUid;
        }
    }
    if (uids.isEmpty()) {
        uids << m_viewer.seriesUid();  // looked up again: the viewer's pointers may be stale
    }
    return uids;
}

TemplateFollower::Selection TemplateFollower::selection() const {
    const QStringList uids = seriesToModel();
    // Marks are in the model's order, a prior before the current study: the last one counts.
    const SeriesRef current = m_session.findSeries(uids.last());
    if (!current || !current.patient) {
        return {};
    }
    Selection s{patientKey(*current.patient), defaultTemplateId(*current.series),
                QString::fromStdString(current.series->modality), !m_inputs.marks().isEmpty()};
    for (const QString& uid : uids) {
        const SeriesRef ref = m_session.findSeries(uid);
        if (ref && defaultTemplateId(*ref.series) != s.templateId) {
            s.templateId.clear();  // mixed modalities: no template suits them all
        }
    }
    return s;
}

QString TemplateFollower::targetFor(const Selection& s) const {
    if (m_panel.requestEdited()) {
        return {};
    }
    const auto chosen = m_chosen.constFind(s.patientKey);
    if (chosen != m_chosen.cend()) {
        return *chosen;
    }
    if (!s.marked && !m_panel.currentTemplate().usesImages()) {
        return {};
    }
    return s.templateId;
}

void TemplateFollower::follow() {
    const Selection s = selection();
    const QString key = s.patientKey + QLatin1Char('\n') + s.templateId +
                        (s.marked ? QStringLiteral("\nmarked") : QString());
    // Only a change of patient, of modality, or between marks and the image on screen moves
    // the template: scrolling, marking more of the same series, or a region leave it alone.
    if (key == m_followed) {
        return;
    }
    m_followed = key;
    const QString target = targetFor(s);
    if (target.isEmpty() || target == m_panel.currentTemplate().id ||
        !m_panel.selectTemplate(target)) {
        return;
    }
    const QString name = m_panel.currentTemplate().name;
    Q_EMIT switched(m_chosen.contains(s.patientKey)
                        ? tr("Task template: %1, as chosen for this patient").arg(name)
                        : tr("Task template: %1, for the %2 images").arg(name, s.modality));
}

void TemplateFollower::remember(const QString& templateId) {
    const Selection s = selection();
    if (!s.patientKey.isEmpty()) {
        m_chosen.insert(s.patientKey, templateId);
    }
}

void TemplateFollower::onSessionChanged() {
    if (m_session.isEmpty()) {
        m_chosen.clear();
    }
    follow();
}

}  // namespace ui
