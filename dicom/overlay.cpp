// decodeOverlays and drawOverlay.
#include "dicom/overlay.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include "dicom/detail/dicom_file.h"
#include "dicom/detail/frame_source.h"
#include "dicom/detail/member_store.h"
#include "dicom/detail/overlay_plane.h"

namespace dicom {
namespace {

Result<std::vector<Overlay>> overlaysOf(DcmDataset& ds, int frame, int frames) {
    std::vector<Overlay> out;
    if (frame < 0 || frame >= frames)
        return Error{ErrorCode::FrameOutOfRange, "frame " + std::to_string(frame + 1) +
                                                     " requested of " + std::to_string(frames)};
    std::optional<Result<detail::FrameCells>> cells;  // decoded once, for embedded planes only
    for (const auto& definition : detail::readOverlayDefinitions(ds)) {
        const auto planeFrame = detail::planeFrameFor(definition, frame);
        if (!planeFrame)
            continue;
        if (definition.hasData) {
            if (auto plane = detail::overlayFromData(ds, definition, *planeFrame))
                out.push_back(std::move(*plane));
            continue;
        }
        if (definition.bitsAllocated <= 1)
            continue;
        if (!cells)
            cells = detail::readFrameCells(ds, frame);
        if (!*cells)
            return cells->error();
        if (auto plane = detail::overlayFromCells(definition, cells->value()))
            out.push_back(std::move(*plane));
    }
    return out;
}

}  // namespace

Result<std::vector<Overlay>> decodeOverlays(const InstanceInfo& instance, int frame) {
    if (instance.kind == SourceKind::Photograph)
        return std::vector<Overlay>{};
    const auto local = detail::localPathFor(instance.path);
    if (!local)
        return local.error();
    auto opened = detail::openDicomFile(local.value());
    if (!opened)
        return detail::renamePath(opened.error(), local.value(), instance.path);
    auto overlays = overlaysOf(*opened.value()->getDataset(), frame, std::max(instance.frames, 1));
    if (!overlays)
        return Error{overlays.error().code, instance.path + ": " + overlays.error().message};
    return overlays;
}

void drawOverlay(Image8& image, const Overlay& overlay, std::uint8_t value) {
    if (overlay.rows <= 0 || overlay.columns <= 0 ||
        overlay.bits.size() < std::size_t(overlay.rows) * std::size_t(overlay.columns))
        return;
    for (int r = 0; r < overlay.rows; ++r) {
        const int y = overlay.originRow - 1 + r;
        if (y < 0 || y >= image.height)
            continue;
        for (int c = 0; c < overlay.columns; ++c) {
            const int x = overlay.originColumn - 1 + c;
            if (x < 0 || x >= image.width ||
                !overlay.bits[std::size_t(r) * std::size_t(overlay.columns) + std::size_t(c)])
                continue;
            const std::size_t at = (std::size_t(y) * std::size_t(image.width) + std::size_t(x)) *
                                   std::size_t(image.channels);
            for (int k = 0; k < image.channels; ++k)
                image.pixels[at + std::size_t(k)] = value;
        }
    }
}

}  // namespace dicom
