#include "app/core/draft_conversion.h"

#include <cstring>

namespace app {

inference::ImageInput toImageInput(const QImage& image) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    inference::ImageInput input;
    input.width = rgb.width();
    input.height = rgb.height();
    input.channels = 3;
    const std::size_t rowBytes = std::size_t(rgb.width()) * 3;
    input.pixels.resize(rowBytes * std::size_t(rgb.height()));
    // QImage rows are padded to 4 bytes; the engine wants them packed.
    for (int y = 0; y < rgb.height(); ++y) {
        std::memcpy(input.pixels.data() + std::size_t(y) * rowBytes, rgb.constScanLine(y),
                    rowBytes);
    }
    return input;
}

inference::Request toEngineRequest(const ui::DraftRequest& draft, bool withPixels) {
    inference::Request request;
    request.kind = inference::Request::Kind::Chat;
    if (!draft.systemPrompt.trimmed().isEmpty()) {
        request.messages.push_back(inference::ChatMessage::fromText(
            inference::ChatRole::System, draft.systemPrompt.toStdString()));
    }
    for (const ui::DraftTurn& turn : draft.turns) {
        inference::ChatMessage message;
        message.role = turn.fromModel ? inference::ChatRole::Assistant : inference::ChatRole::User;
        for (const ui::DraftItem& item : turn.items) {
            message.items.push_back(item.kind == ui::DraftItem::Kind::Image
                                        ? inference::ChatItem::makeImage()
                                        : inference::ChatItem::makeText(item.text.toStdString()));
        }
        request.messages.push_back(std::move(message));
    }
    for (int i = 0; withPixels && i < draft.images.size(); ++i) {
        request.images.push_back(toImageInput(draft.images[i].rgb));
    }
    request.sampling.temperature = draft.sampling.temperature;
    request.sampling.topK = draft.sampling.topK;
    request.sampling.topP = draft.sampling.topP;
    request.sampling.minP = draft.sampling.minP;
    request.sampling.repetitionPenalty = draft.sampling.repetitionPenalty;
    request.sampling.seed = draft.sampling.seed;
    request.maxNewTokens = draft.sampling.maxNewTokens;
    return request;
}

}  // namespace app
