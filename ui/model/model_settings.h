#pragma once
// The remembered model choice (folder, device, precision) in QSettings, shared by the model
// manager, Model ▸ Choose model folder and the start-up load.
// Thread-safety: GUI thread (QSettings of the application).

#include "ui/drafting_service.h"

namespace ui {

ModelChoice rememberedModelChoice();  // directory empty when none was chosen
void rememberModelChoice(const ModelChoice& choice);

QString deviceKey(ModelDevice device);           // "cpu" / "cuda"
QString precisionKey(ModelPrecision precision);  // "bfloat16", "float32", "int8", "int4"

}  // namespace ui
