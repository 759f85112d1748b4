#include "ui/model/model_settings.h"

#include <QSettings>

#include "ui/common/settings_keys.h"

namespace ui {

QString deviceKey(ModelDevice device) {
    return device == ModelDevice::Cuda ? QStringLiteral("cuda") : QStringLiteral("cpu");
}

QString precisionKey(ModelPrecision precision) {
    return precision == ModelPrecision::Float32 ? QStringLiteral("float32")
                                                : QStringLiteral("bfloat16");
}

ModelChoice rememberedModelChoice() {
    QSettings s;
    ModelChoice choice;
    choice.directory = s.value(settings::modelDirectory()).toString();
    choice.device = s.value(settings::modelDevice()).toString() == deviceKey(ModelDevice::Cuda)
                        ? ModelDevice::Cuda
                        : ModelDevice::Cpu;
    choice.precision =
        s.value(settings::modelPrecision()).toString() == precisionKey(ModelPrecision::Float32)
            ? ModelPrecision::Float32
            : ModelPrecision::BFloat16;
    return choice;
}

void rememberModelChoice(const ModelChoice& choice) {
    QSettings s;
    s.setValue(settings::modelDirectory(), choice.directory);
    s.setValue(settings::modelDevice(), deviceKey(choice.device));
    s.setValue(settings::modelPrecision(), precisionKey(choice.precision));
}

}  // namespace ui
