#include "ui/viewer/window_presets.h"

#include <QCoreApplication>

#include "dicom/display.h"

namespace ui {
namespace {

// The translation context of the texts in this file.
class Text {
    Q_DECLARE_TR_FUNCTIONS(ui::WindowPresets)
};

dicom::WindowPreset named(double center, double width, const QString& name) {
    return {center, width, dicom::VoiFunction::Linear, name.toStdString()};
}

}  // namespace

QList<CtPreset> ctPresets() {
    return {CtPreset::Lung,  CtPreset::Mediastinum, CtPreset::Abdomen,
            CtPreset::Liver, CtPreset::Bone,        CtPreset::Brain};
}

NamedWindow ctPresetWindow(CtPreset preset) {
    // Centre / width in HU. Bone is Horos' 300/1500; liver the narrow 60/150 that separates
    // hypodense lesions from enhanced parenchyma.
    switch (preset) {
        case CtPreset::Lung:
            return {Text::tr("Lung"), named(-600, 1500, Text::tr("Lung"))};
        case CtPreset::Mediastinum:
            return {Text::tr("Mediastinum"), named(50, 350, Text::tr("Mediastinum"))};
        case CtPreset::Abdomen:
            return {Text::tr("Abdomen"), named(40, 400, Text::tr("Abdomen"))};
        case CtPreset::Liver:
            return {Text::tr("Liver"), named(60, 150, Text::tr("Liver"))};
        case CtPreset::Bone:
            return {Text::tr("Bone"), named(300, 1500, Text::tr("Bone"))};
        case CtPreset::Brain:
            return {Text::tr("Brain"), named(40, 80, Text::tr("Brain"))};
    }
    return {};
}

bool usesHounsfieldUnits(const dicom::InstanceInfo& instance, const dicom::SeriesInfo& series) {
    if (instance.kind != dicom::SourceKind::Dicom || instance.samplesPerPixel != 1) {
        return false;
    }
    return instance.rescaleType == "HU" ||
           (instance.rescaleType.empty() && series.modality == "CT");
}

QList<NamedWindow> fileWindows(const dicom::InstanceInfo& instance) {
    QList<NamedWindow> out;
    for (std::size_t i = 0; i < instance.windows.size(); ++i) {
        const dicom::WindowPreset& w = instance.windows[i];
        const QString explanation = QString::fromStdString(w.explanation).trimmed();
        out.append({explanation.isEmpty() ? Text::tr("Window %1").arg(i + 1) : explanation, w});
    }
    return out;
}

NamedWindow defaultNamedWindow(const dicom::InstanceInfo& instance, const dicom::Image& frame) {
    dicom::WindowPreset window = dicom::defaultWindow(instance, frame);
    if (instance.windows.empty()) {
        window.explanation = Text::tr("Auto").toStdString();
    }
    const QString name = QString::fromStdString(window.explanation);
    return {name.isEmpty() ? Text::tr("File default") : name, window};
}

}  // namespace ui
