#include "ui/viewer/window_presets.h"

#include <QCoreApplication>

#include "dicom/display.h"

namespace ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("ui::WindowPresets", text);
}

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
            return {tr("Lung"), named(-600, 1500, tr("Lung"))};
        case CtPreset::Mediastinum:
            return {tr("Mediastinum"), named(50, 350, tr("Mediastinum"))};
        case CtPreset::Abdomen:
            return {tr("Abdomen"), named(40, 400, tr("Abdomen"))};
        case CtPreset::Liver:
            return {tr("Liver"), named(60, 150, tr("Liver"))};
        case CtPreset::Bone:
            return {tr("Bone"), named(300, 1500, tr("Bone"))};
        case CtPreset::Brain:
            return {tr("Brain"), named(40, 80, tr("Brain"))};
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
        out.append({explanation.isEmpty() ? tr("Window %1").arg(i + 1) : explanation, w});
    }
    return out;
}

NamedWindow defaultNamedWindow(const dicom::InstanceInfo& instance, const dicom::Image& frame) {
    dicom::WindowPreset window = dicom::defaultWindow(instance, frame);
    if (instance.windows.empty()) {
        window.explanation = tr("Auto").toStdString();
    }
    const QString name = QString::fromStdString(window.explanation);
    return {name.isEmpty() ? tr("File default") : name, window};
}

}  // namespace ui
