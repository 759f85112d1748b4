#pragma once
// Turns the workstation's DraftRequest (Qt types, from ui/) into the engine's Request.
// Thread-safety: pure functions.

#include "inference/engine.h"
#include "ui/drafting_service.h"

namespace app {

// `withPixels` false leaves Request::images empty (enough to count the prompt's tokens).
inference::Request toEngineRequest(const ui::DraftRequest& draft, bool withPixels = true);
inference::ImageInput toImageInput(const QImage& image);  // any format -> 8-bit RGB

}  // namespace app
