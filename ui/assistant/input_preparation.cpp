#include "ui/assistant/input_preparation.h"

#include <algorithm>

#include "dicom/display.h"
#include "dicom/loader.h"
#include "ui/viewer/qimage_conversion.h"

namespace ui {
namespace {

struct Progress {
    QPromise<PreparedInputs>& promise;
    int done = 0;
    void step() { promise.setProgressValue(++done); }
};

// One min/max over every frame of an MR acquisition (spec §3.3). Frames that fail to decode
// are left out of the range; the job itself reports its own failure.
std::optional<ValueRange> volumeRange(const std::vector<FrameSource>& frames, Progress& progress) {
    std::optional<ValueRange> range;
    for (const FrameSource& source : frames) {
        if (progress.promise.isCanceled()) {
            return std::nullopt;
        }
        auto frame = dicom::decodeFrame(source.instance, source.frame);
        progress.step();
        if (!frame || !frame->isGrey()) {
            continue;
        }
        const auto [mn, mx] = dicom::valueRange(*frame);
        range = range ? ValueRange{std::min(range->first, float(mn)),
                                   std::max(range->second, float(mx))}
                      : ValueRange{float(mn), float(mx)};
    }
    return range;
}

QString cropText(const QRect& r) {
    return QStringLiteral(", cropped to x %1, y %2, %3 x %4 px before padding")
        .arg(r.x())
        .arg(r.y())
        .arg(r.width())
        .arg(r.height());
}

}  // namespace

dicom::Image8 cropImage(const dicom::Image8& image, const QRect& region) {
    const QRect r = region.intersected(QRect(0, 0, image.width, image.height));
    if (r.isEmpty() || r == QRect(0, 0, image.width, image.height)) {
        return image;
    }
    dicom::Image8 out{r.width(), r.height(), image.channels, {}};
    out.pixels.resize(std::size_t(r.width()) * r.height() * image.channels);
    const std::size_t rowBytes = std::size_t(r.width()) * image.channels;
    for (int y = 0; y < r.height(); ++y) {
        const std::size_t from = (std::size_t(r.y() + y) * image.width + r.x()) * image.channels;
        std::copy_n(image.pixels.begin() + std::ptrdiff_t(from), rowBytes,
                    out.pixels.begin() + std::ptrdiff_t(y * rowBytes));
    }
    return out;
}

DraftImage prepareOne(const dicom::Image& frame, const InputJob& job, const ValueRange* range) {
    dicom::SeriesInfo series;
    series.modality = job.modality;
    const dicom::InputRecipe recipe = dicom::recipeFor(series, job.source.instance, frame);
    const bool useRange = recipe == dicom::InputRecipe::MrVolume && range;
    dicom::Image8 rgb =
        dicom::applyRecipe(frame, job.source.instance, recipe, useRange ? range : nullptr);
    const bool cropped = !job.region.isEmpty();
    if (cropped) {
        rgb = cropImage(rgb, job.region);
    }
    DraftImage image;
    image.rgb = toQImage(dicom::padToSquare(rgb)).convertToFormat(QImage::Format_RGB888);
    image.sourceLabel = job.label;
    image.sopInstanceUid = QString::fromStdString(job.source.instance.sopInstanceUid);
    image.frame = job.source.frame;
    image.recipe = QString::fromStdString(dicom::recipeDescription(recipe));
    if (cropped) {
        image.region = job.region.intersected(QRect(0, 0, frame.width, frame.height));
        image.recipe += cropText(image.region);
    }
    return image;
}

void prepareInputs(QPromise<PreparedInputs>& promise, const InputPlan& plan) {
    int total = int(plan.jobs.size());
    for (const auto& frames : plan.volumeFrames) {
        total += int(frames.size());
    }
    promise.setProgressRange(0, std::max(1, total));
    Progress progress{promise};
    PreparedInputs result;
    QHash<QString, ValueRange> ranges = plan.knownRanges;
    for (auto it = plan.volumeFrames.cbegin(); it != plan.volumeFrames.cend(); ++it) {
        if (auto range = volumeRange(it.value(), progress)) {
            ranges.insert(it.key(), *range);
            result.computedRanges.insert(it.key(), *range);
        }
    }
    for (std::size_t j = 0; j < plan.jobs.size(); ++j) {
        const InputJob& job = plan.jobs[j];
        if (promise.isCanceled()) {
            return;
        }
        std::shared_ptr<const dicom::Image> frame = job.decoded;
        if (!frame) {
            auto decoded = dicom::decodeFrame(job.source.instance, job.source.frame);
            if (!decoded) {
                result.errors << QStringLiteral("%1: %2").arg(
                    job.label, QString::fromStdString(decoded.error().message));
                progress.step();
                continue;
            }
            frame = std::make_shared<const dicom::Image>(std::move(decoded).value());
        }
        const auto range = ranges.constFind(job.volumeKey);
        result.images << prepareOne(*frame, job, range != ranges.cend() ? &*range : nullptr);
        result.sourceJobs << int(j);
        progress.step();
    }
    promise.addResult(result);
}

}  // namespace ui
