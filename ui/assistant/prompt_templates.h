#pragma once
// Built-in prompt templates: what to ask MedGemma for each task, with the system prompt and the
// place of the images relative to the text, as Google's published MedGemma pipelines do it.
// Thread-safety: pure data.

#include <QList>
#include <QString>

namespace ui {

enum class ImagePlacement {
    None,          // text-only task
    BeforeText,    // [images..., question] (MedGemma 1.5 card, longitudinal CXR)
    AfterText,     // [instruction, images...] (histopathology patches, the v1 quick start)
    Interleaved,   // [instruction, (image, "SLICE k")..., question] (CT and MR volumes)
};

struct PromptTemplate {
    QString id;            // stable key, e.g. "cxr-report"
    QString name;          // translated display name
    QString systemPrompt;
    QString instruction;   // text before the images (Interleaved/AfterText)
    QString question;      // the request itself
    ImagePlacement placement = ImagePlacement::BeforeText;
    int version = 1;       // bumped whenever the built-in wording changes (provenance)
};

QList<PromptTemplate> builtInTemplates();
const PromptTemplate* findTemplate(const QList<PromptTemplate>& templates, const QString& id);

}  // namespace ui
