#pragma once
// Prompt templates: what to ask MedGemma for each task, with the system prompt and the place of
// the images relative to the text, as Google's published MedGemma pipelines do it
// (spec medgemma-inputs.md §3-§4). Built-ins ship with the application; the clinician may edit
// them or add new ones (see TemplateStore).
// Thread-safety: pure data.

#include <QList>
#include <QString>

namespace ui {

enum class ImagePlacement {
    None,         // text-only task
    BeforeText,   // [images..., question] (MedGemma 1.5 card, longitudinal CXR: prior, current)
    AfterText,    // [text, images...] (histopathology patches, the v1 quick start)
    Interleaved,  // [instruction, (image, "SLICE k")..., question] (CT and MR volumes)
};

struct PromptTemplate {
    QString id;    // stable key, e.g. "cxr-report"
    QString name;  // display name (translated for built-ins, as typed for the user's)
    QString systemPrompt;
    QString instruction;  // text before the images (Interleaved/AfterText)
    QString question;     // the request itself; the prompt box starts with it
    ImagePlacement placement = ImagePlacement::BeforeText;
    int version = 1;      // built-ins: bumped when the wording changes; +1 at each user save
    bool builtIn = true;  // false: created by the user
    bool edited = false;  // a built-in the user changed (restorable)

    bool usesImages() const { return placement != ImagePlacement::None; }
    // For provenance, e.g. "cxr-report v1" or "cxr-report v3 (edited)".
    QString provenance() const;
};

QList<PromptTemplate> builtInTemplates();
const PromptTemplate* findTemplate(const QList<PromptTemplate>& templates, const QString& id);

// Stable names of the placements, used in the saved templates file.
QString placementKey(ImagePlacement placement);
ImagePlacement placementFromKey(const QString& key);

}  // namespace ui
