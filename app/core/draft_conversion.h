#pragma once
// Turns the workstation's DraftRequest (Qt types, from ui/) into the engine's Request.
// Thread-safety: pure functions.

#include "inference/engine.h"
#include "ui/drafting_service.h"

namespace app {

inference::Request toEngineRequest(const ui::DraftRequest& draft);
inference::ImageInput toImageInput(const QImage& image);  // any format -> 8-bit RGB

}  // namespace app
