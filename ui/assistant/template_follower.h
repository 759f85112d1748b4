#pragma once
// TemplateFollower: keeps the prompt panel's task template in step with what goes to the model.
// When the images marked for the model (or, without marks, the series on screen) change to a
// modality with another default template (defaultTemplateId, the rule `medgemma-cli draft`
// uses too), the panel takes that template and a status message says so. Never silently over
// the clinician's choices:
//   - a template picked by hand is kept for that patient's studies (a study and its priors),
//     and taken again when the patient's images come back after another patient's;
//   - a request the clinician typed is never replaced;
//   - a text-only task (medical question, health record) stays while no image is marked.
// Closing every study forgets the choices.
// Ownership: session, viewer, inputs and panel are not owned and must outlive this object.
// Thread-safety: GUI thread only.

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

namespace ui {

class ModelInputs;
class PromptPanel;
class SeriesViewer;
class StudySession;

class TemplateFollower : public QObject {
    Q_OBJECT
public:
    TemplateFollower(StudySession& session, SeriesViewer& viewer, ModelInputs& inputs,
                     PromptPanel& panel, QObject* parent = nullptr);

Q_SIGNALS:
    // The panel took another template by itself; `message` says which and why.
    void switched(const QString& message);

private:
    // What goes to the model now, as far as the template is concerned.
    struct Selection {
        QString patientKey;  // empty: nothing marked or on screen
        QString templateId;  // the images' default template; empty when their modalities differ
        QString modality;    // of the current study's series, for the message
        bool marked = false;
    };
    // The series whose images go to the model: those with marks, in the model's order, else
    // the series on screen.
    QStringList seriesToModel() const;
    Selection selection() const;
    QString targetFor(const Selection& selection) const;
    void follow();
    void remember(const QString& templateId);
    void onSessionChanged();

    StudySession& m_session;
    SeriesViewer& m_viewer;
    ModelInputs& m_inputs;
    PromptPanel& m_panel;
    QHash<QString, QString> m_chosen;  // patient key -> template picked by hand
    QString m_followed;                // the selection last acted on (patient, default, marks)
};

}  // namespace ui
