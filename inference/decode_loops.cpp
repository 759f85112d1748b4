#include "inference/decode_loops.h"

#include <algorithm>

#include "inference/decode_step.h"
#include "inference/static_decode.h"
#include "inference/token_readback.h"

namespace inference {
namespace {

// Where generated ids go: the output, the repetition-penalty context and the callback.
class TokenSink {
public:
    TokenSink(Session& session, const PromptInput& prompt, const GenerationOptions& options,
              const TokenCallback& onToken)
        : m_session(session), m_options(options), m_onToken(onToken), m_context(prompt.ids) {}

    // Records `id`; returns whether generation goes on.
    bool accept(std::int64_t id) {
        m_output.tokens.push_back(id);
        const std::vector<std::int64_t>& stops = m_options.stopTokenIds;
        if (std::find(stops.begin(), stops.end(), id) != stops.end()) {
            m_output.finish = FinishReason::StopToken;
            return false;
        }
        m_context.push_back(id);
        m_session.stats().generatedTokens += 1;
        if (m_onToken && !m_onToken(id)) {
            m_output.finish = FinishReason::Callback;
            return false;
        }
        return static_cast<std::int64_t>(m_output.tokens.size()) < m_options.maxNewTokens;
    }

    // The host sampler's pick from `logits` (any device).
    std::int64_t sample(const at::Tensor& logits) {
        const at::Tensor values = logits.to(at::kCPU).contiguous();
        return m_session.sampler().next(values.data_ptr<float>(), values.numel(), m_context);
    }

    GenerationOutput& output() { return m_output; }

private:
    Session& m_session;
    const GenerationOptions& m_options;
    const TokenCallback& m_onToken;
    std::vector<std::int64_t> m_context;
    GenerationOutput m_output;
};

Result<at::Tensor> runStep(Session& session, DecodePath path, std::int64_t id,
                           const StopFlag& stop) {
    switch (path) {
        case DecodePath::CpuKernels:
            return kernelDecodeStep(session.model(), session.cache(), session.workspace(), id,
                                    stop);
        case DecodePath::Eager:
            return decodeStep(session.model(), session.cache(), id, stop);
        case DecodePath::Static: {
            const std::int64_t position = session.cache().length();
            StaticDecoder& decoder = session.staticDecoder();
            decoder.setInput(id, position);
            decoder.step();
            session.cache().commit(position + 1);
            return decoder.logits();
        }
    }
    return makeError(ErrorCode::Internal, "unknown decode path");
}

Result<GenerationOutput> stepByStep(Session& session, TokenSink& sink, DecodePath path,
                                    const StopFlag& stop, at::Tensor logits) {
    while (sink.accept(sink.sample(logits))) {
        if (stopRequested(stop)) {
            return cancelledError("decoding");
        }
        Result<at::Tensor> next = runStep(session, path, sink.output().tokens.back(), stop);
        if (!next) {
            return next.error();
        }
        logits = next.value();
    }
    return std::move(sink.output());
}

Result<GenerationOutput> pipelinedGreedy(Session& session, TokenSink& sink,
                                         const GenerationOptions& options, const StopFlag& stop,
                                         const at::Tensor& promptLogits) {
    const std::int64_t first = sink.sample(promptLogits);
    if (!sink.accept(first)) {
        return std::move(sink.output());
    }
    StaticDecoder& decoder = session.staticDecoder();
    std::int64_t position = session.cache().length();
    decoder.setInput(first, position);
    const std::int64_t steps = options.maxNewTokens - 1;  // ids still allowed after the first
    std::int64_t queued = 0;
    TokenReadback readback(session.model().device(), 2);
    const auto queueStep = [&] {
        decoder.step();
        session.cache().commit(++position);
        readback.push(decoder.inputToken());
        ++queued;
    };
    queueStep();
    while (readback.pending() > 0) {
        if (stopRequested(stop)) {
            return cancelledError("decoding");
        }
        if (queued < steps) {
            queueStep();  // one step ahead of the id read next
        }
        if (!sink.accept(readback.pop())) {
            break;
        }
    }
    return std::move(sink.output());
}

}  // namespace

Result<GenerationOutput> decodeTokens(Session& session, const PromptInput& prompt,
                                      const GenerationOptions& options,
                                      const TokenCallback& onToken, const StopFlag& stop,
                                      const at::Tensor& promptLogits) {
    const DecodePath path = decodePathFor(session.model());
    TokenSink sink(session, prompt, options, onToken);
    const SamplingParams& sampling = options.sampling;
    Result<GenerationOutput> output =
        path == DecodePath::Static && !sampling.sampling() && sampling.repetitionPenalty == 1.0
            ? pipelinedGreedy(session, sink, options, stop, promptLogits)
            : stepByStep(session, sink, path, stop, promptLogits);
    // Afterwards: the first step says whether the graph could be captured.
    session.stats().decodePath = path == DecodePath::Static  ? session.staticDecoder().description()
                                 : path == DecodePath::Eager ? "libtorch"
                                                             : "cpu kernels";
    return output;
}

}  // namespace inference
