#include "ui/assistant/prompt_templates.h"

#include <QCoreApplication>

namespace ui {
namespace {

// The translation context of the texts in this file.
class Text {
    Q_DECLARE_TR_FUNCTIONS(ui::PromptTemplates)
};

QString reportQuestion(const char* images) {
    return QStringLiteral(
               "Based on the visual evidence in the %1 provided above, write a "
               "preliminary report with the sections FINDINGS and IMPRESSION.")
        .arg(QLatin1String(images));
}

QString volumeInstruction(const char* modality) {
    return QStringLiteral(
               "You are an instructor teaching medical students. You are analyzing a "
               "contiguous block of %1 slices. Please review the slices provided "
               "below carefully.")
        .arg(QLatin1String(modality));
}

PromptTemplate make(const char* id, const QString& name, const QString& system,
                    const QString& instruction, const QString& question, ImagePlacement placement) {
    PromptTemplate t;
    t.id = QLatin1String(id);
    t.name = name;
    t.systemPrompt = system;
    t.instruction = instruction;
    t.question = question;
    t.placement = placement;
    return t;
}

QList<PromptTemplate> imageTemplates() {
    const QString radiologist = QStringLiteral("You are an expert radiologist.");
    return {
        make("cxr-report", Text::tr("Chest X-ray report"), radiologist, {},
             QStringLiteral("Describe this chest X-ray. Write a preliminary report with the "
                            "sections FINDINGS and IMPRESSION."),
             ImagePlacement::BeforeText),
        // MedGemma 1.5's longitudinal layout: prior image, current image, then the text.
        make("cxr-comparison", Text::tr("Chest X-ray comparison (prior, then current)"), {}, {},
             QStringLiteral("The first image is the prior chest X-ray and the second image is "
                            "the current one. Compare them, describe what has changed, and "
                            "write the sections FINDINGS and IMPRESSION."),
             ImagePlacement::BeforeText),
        make("ct-report", Text::tr("CT report"), {}, volumeInstruction("CT"),
             reportQuestion("slices"), ImagePlacement::Interleaved),
        make("mr-report", Text::tr("MR report"), {}, volumeInstruction("MRI"),
             reportQuestion("slices"), ImagePlacement::Interleaved),
        make("derm-description", Text::tr("Dermatology description"),
             QStringLiteral("You are an expert dermatologist."), {},
             QStringLiteral("Describe this skin lesion: morphology, colour, borders, size "
                            "relative to the ruler if visible, and a differential diagnosis."),
             ImagePlacement::BeforeText),
        make("fundus", Text::tr("Fundus photograph"),
             QStringLiteral("You are an expert ophthalmologist."), {},
             QStringLiteral("Describe this fundus photograph: optic disc and cup-to-disc ratio, "
                            "macula, vessels, and any signs of diabetic retinopathy with its "
                            "grade."),
             ImagePlacement::BeforeText),
        // The 1.5 pathology notebook: the text first, then the patches, no system prompt.
        make("histopathology", Text::tr("Histopathology patch"), {}, {},
             QStringLiteral("You are an instructor teaching medical students. For education "
                            "purposes, provide a brief descriptive text for the pathology "
                            "patches below: tissue type, architecture, cellular features and "
                            "the most likely diagnosis."),
             ImagePlacement::AfterText),
        make("free-question", Text::tr("Free question about the images"),
             QStringLiteral("You are a helpful medical assistant."), {}, {},
             ImagePlacement::BeforeText),
    };
}

QList<PromptTemplate> textTemplates() {
    return {
        make("text-question", Text::tr("Medical question (text only)"),
             QStringLiteral("You are a helpful medical assistant."), {}, {}, ImagePlacement::None),
        make("record-analysis", Text::tr("Health-record text analysis"),
             QStringLiteral("You are a helpful medical assistant. Answer only from the health "
                            "record provided, and say so when the record does not contain the "
                            "answer."),
             {},
             QStringLiteral("Summarise this patient's active problems, medications, allergies "
                            "and recent results."),
             ImagePlacement::None),
    };
}

}  // namespace

QString PromptTemplate::provenance() const {
    QString text = QStringLiteral("%1 v%2").arg(id).arg(version);
    if (edited) {
        text += QStringLiteral(" (edited)");
    } else if (!builtIn) {
        text += QStringLiteral(" (user)");
    }
    return text;
}

QList<PromptTemplate> builtInTemplates() {
    // The model's own wording stays English: MedGemma was tuned on English prompts. The output
    // language is requested separately.
    return imageTemplates() + textTemplates();
}

const PromptTemplate* findTemplate(const QList<PromptTemplate>& templates, const QString& id) {
    for (const auto& t : templates) {
        if (t.id == id) {
            return &t;
        }
    }
    return nullptr;
}

QString placementKey(ImagePlacement placement) {
    switch (placement) {
        case ImagePlacement::None:
            return QStringLiteral("none");
        case ImagePlacement::BeforeText:
            return QStringLiteral("images-first");
        case ImagePlacement::AfterText:
            return QStringLiteral("text-first");
        case ImagePlacement::Interleaved:
            return QStringLiteral("slices");
    }
    return QStringLiteral("images-first");
}

ImagePlacement placementFromKey(const QString& key) {
    for (ImagePlacement p : {ImagePlacement::None, ImagePlacement::BeforeText,
                             ImagePlacement::AfterText, ImagePlacement::Interleaved}) {
        if (placementKey(p) == key) {
            return p;
        }
    }
    return ImagePlacement::BeforeText;
}

}  // namespace ui
