#pragma once
// Builds the DraftRequest a template, the clinician's prompt and the prepared images make, in the
// order MedGemma's published pipelines use (spec medgemma-inputs.md §2.3, §3, §5):
//   images first      [image..., text]             chest X-ray, photographs, prior then current
//   text first        [text, image..., (question)] histopathology patches
//   slices            [instruction, (image, "SLICE k")..., question]  CT and MR volumes; the
//                     question comes after the slices, otherwise the model falls back to a
//                     chest X-ray template
// The clinical context (indication, comparison) opens the question's text and the output
// language closes it, so both sit in the same item as the request.
// Thread-safety: pure functions.

#include <QList>
#include <QString>

#include "ui/assistant/prompt_templates.h"
#include "ui/drafting_service.h"

namespace ui {

struct PromptInputs {
    QString question;      // the prompt box
    QString indication;    // clinical indication, may be empty
    QString comparison;    // priors / comparison, may be empty
    QString languageCode;  // "en", "pt", "zh", "es" (see outputLanguages())
    DraftSampling sampling;
};

struct OutputLanguage {
    QString code;
    QString nativeName;   // shown as is in every interface language (an autonym)
    QString instruction;  // English: the model reads English instructions best; empty for "en"
};

QList<OutputLanguage> outputLanguages();
QString languageInstruction(const QString& code);

// Context + question + language instruction, as the final text item carries them.
QString composeQuestion(const PromptInputs& inputs);

// The user's turn for `imageCount` images under `t`'s placement.
QList<DraftItem> orderItems(const PromptTemplate& t, const QString& question, int imageCount);

DraftRequest buildDraftRequest(const PromptTemplate& t, const PromptInputs& inputs,
                               const QList<DraftImage>& images);

}  // namespace ui
