#include "ui/model/model_settings.h"

#include <QSettings>

#include "ui/common/settings_keys.h"

namespace ui {

QString deviceKey(ModelDevice device) {
    return device == ModelDevice::Cuda ? QStringLiteral("cuda") : QStringLiteral("cpu");
}

QString precisionKey(ModelPrecision precision) {
    switch (precision) {
        case ModelPrecision::Float32:
            return QStringLiteral("float32");
        case ModelPrecision::Int8:
            return QStringLiteral("int8");
        case ModelPrecision::Int4:
            return QStringLiteral("int4");
        case ModelPrecision::BFloat16:
            break;
    }
    return QStringLiteral("bfloat16");
}

ModelChoice rememberedModelChoice() {
    QSettings s;
    ModelChoice choice;
    choice.directory = s.value(settings::modelDirectory()).toString();
    choice.device = s.value(settings::modelDevice()).toString() == deviceKey(ModelDevice::Cuda)
                        ? ModelDevice::Cuda
                        : ModelDevice::Cpu;
    choice.precision = ModelPrecision::BFloat16;
    const QString key = s.value(settings::modelPrecision()).toString();
    for (ModelPrecision p : {ModelPrecision::Float32, ModelPrecision::Int8, ModelPrecision::Int4}) {
        if (key == precisionKey(p)) {
            choice.precision = p;
        }
    }
    return choice;
}

void rememberModelChoice(const ModelChoice& choice) {
    QSettings s;
    s.setValue(settings::modelDirectory(), choice.directory);
    s.setValue(settings::modelDevice(), deviceKey(choice.device));
    s.setValue(settings::modelPrecision(), precisionKey(choice.precision));
}

}  // namespace ui
