#pragma once
// A decoded frame shared between the cache, the viewers and measurements without copying its
// pixels. The image is immutable once shared, so any thread may read it.

#include <memory>

#include "dicom/image.h"

namespace ui {

using FramePtr = std::shared_ptr<const dicom::Image>;

}  // namespace ui
