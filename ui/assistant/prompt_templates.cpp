#include "ui/assistant/prompt_templates.h"

#include <QCoreApplication>

namespace ui {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("ui::PromptTemplates", text); }

}  // namespace

QList<PromptTemplate> builtInTemplates() {
    // The model's own wording stays English: MedGemma was tuned on English prompts. The output
    // language is requested separately.
    return {
        {QStringLiteral("cxr-report"), tr("Chest X-ray report"),
         QStringLiteral("You are an expert radiologist."), QString(),
         QStringLiteral("Describe this chest X-ray. Write a preliminary report with the sections "
                        "FINDINGS and IMPRESSION."),
         ImagePlacement::BeforeText, 1},
        {QStringLiteral("ct-report"), tr("CT report"), QString(),
         QStringLiteral("You are an instructor teaching medical students. You are analyzing a "
                        "contiguous block of CT slices. Please review the slices provided below "
                        "carefully."),
         QStringLiteral("Based on the visual evidence in the slices provided above, write a "
                        "preliminary report with the sections FINDINGS and IMPRESSION."),
         ImagePlacement::Interleaved, 1},
        {QStringLiteral("mr-report"), tr("MR report"), QString(),
         QStringLiteral("You are an instructor teaching medical students. You are analyzing a "
                        "contiguous block of MRI slices. Please review the slices provided below "
                        "carefully."),
         QStringLiteral("Based on the visual evidence in the slices provided above, write a "
                        "preliminary report with the sections FINDINGS and IMPRESSION."),
         ImagePlacement::Interleaved, 1},
        {QStringLiteral("derm-description"), tr("Dermatology description"),
         QStringLiteral("You are an expert dermatologist."), QString(),
         QStringLiteral("Describe this skin lesion: morphology, colour, borders, size relative "
                        "to the ruler if visible, and a differential diagnosis."),
         ImagePlacement::BeforeText, 1},
        {QStringLiteral("free-question"), tr("Free question about the images"),
         QStringLiteral("You are a helpful medical assistant."), QString(), QString(),
         ImagePlacement::BeforeText, 1},
        {QStringLiteral("text-question"), tr("Medical question (text only)"),
         QStringLiteral("You are a helpful medical assistant."), QString(), QString(),
         ImagePlacement::None, 1},
    };
}

const PromptTemplate* findTemplate(const QList<PromptTemplate>& templates, const QString& id) {
    for (const auto& t : templates) {
        if (t.id == id) {
            return &t;
        }
    }
    return nullptr;
}

}  // namespace ui
