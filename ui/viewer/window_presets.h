#pragma once
// Window/level presets: the CT presets on the number keys (values in Hounsfield units, as
// the common diagnostic viewers ship them) and the windows stored in the file itself (every
// Window Center/Width pair, with its explanation).
// Thread-safety: pure data and functions; names are translated on the calling thread.

#include <QList>
#include <QString>

#include "dicom/image.h"
#include "dicom/study.h"

namespace ui {

struct NamedWindow {
    QString name;                // translated, e.g. "Lung"
    dicom::WindowPreset window;  // centre and width in modality units
};

enum class CtPreset { Lung, Mediastinum, Abdomen, Liver, Bone, Brain };

// The CT presets in number-key order (1 = Lung ... 6 = Brain).
QList<CtPreset> ctPresets();
NamedWindow ctPresetWindow(CtPreset preset);

// True when the frame's values are Hounsfield units, so the CT presets mean something.
bool usesHounsfieldUnits(const dicom::InstanceInfo& instance, const dicom::SeriesInfo& series);

// The windows stored in the file, named by their explanation or "Window n".
QList<NamedWindow> fileWindows(const dicom::InstanceInfo& instance);

// Key 0: the file's first window, else the frame's full value range ("auto").
NamedWindow defaultNamedWindow(const dicom::InstanceInfo& instance, const dicom::Image& frame);

}  // namespace ui
