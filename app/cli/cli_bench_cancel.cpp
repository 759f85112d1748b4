// medgemma-cli bench --cancel: raises the stop flag at points spread across image encoding,
// prompt prefill and decoding, and times how long generate() takes to return from each.

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

#include "bench_cancel.h"
#include "inference/bench_workload.h"

namespace app::cli {
namespace {

using Clock = std::chrono::steady_clock;

// One interrupted request. The raising thread waits until the engine reports `phase`, then
// `delay` more, and raises the flag unless generate() has returned already.
class Interruption {
public:
    Interruption(inference::Phase phase, double delaySeconds)
        : m_phase(int(phase)), m_delay(std::chrono::duration<double>(delaySeconds)) {}

    // Milliseconds from the flag to generate()'s return; negative when the flag was not raised
    // inside the phase (the request ended first, or had moved on).
    double run(inference::Engine& engine, const inference::Request& request, std::string& error) {
        std::thread raiser([this] { raiseWhenDue(); });
        const inference::ProgressListener listener = [this](const inference::Progress& p) {
            // The end of image encoding is reported with fraction 1: encoding is over then.
            const bool encodingOver =
                p.phase == inference::Phase::EncodingImages && p.fraction >= 1.0;
            update([&] { m_current = encodingOver ? -1 : int(p.phase); });
        };
        auto result = engine.generate(request, {}, listener, m_stop);
        const Clock::time_point returnedAt = Clock::now();
        update([&] { m_finished = true; });
        raiser.join();
        if (!result && result.error().code != inference::ErrorCode::Cancelled) {
            error = inference::describeError(result.error());
            return -1.0;
        }
        if (!m_raised || m_phaseAtRaise != m_phase) {
            return -1.0;
        }
        return std::chrono::duration<double, std::milli>(returnedAt - m_raisedAt).count();
    }

private:
    template <typename Change>
    void update(Change change) {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            change();
        }
        m_changed.notify_all();
    }

    void raiseWhenDue() {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [this] { return m_finished || m_current == m_phase; });
        const Clock::time_point due =
            Clock::now() + std::chrono::duration_cast<Clock::duration>(m_delay);
        m_changed.wait_until(lock, due, [this] { return m_finished; });
        if (m_finished) {
            return;
        }
        m_phaseAtRaise = m_current;
        m_raisedAt = Clock::now();
        m_raised = true;
        m_stop.store(true);
    }

    const int m_phase;
    const std::chrono::duration<double> m_delay;
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_current = -1;  // the phase last reported, -1 before any or after encoding
    bool m_finished = false;
    bool m_raised = false;
    int m_phaseAtRaise = -1;
    Clock::time_point m_raisedAt;
};

const char* phaseName(inference::Phase phase) {
    switch (phase) {
        case inference::Phase::EncodingImages:
            return "image encoding";
        case inference::Phase::ReadingPrompt:
            return "prefill";
        case inference::Phase::Writing:
            return "decode";
        case inference::Phase::LoadingWeights:
            break;
    }
    return "loading";
}

// Stop points at (i + 0.5) / points of a phase lasting `seconds`.
bool measurePhase(inference::Engine& engine, const inference::Request& request,
                  inference::Phase phase, double seconds, int points, std::vector<double>& out,
                  std::string& error) {
    for (int i = 0; i < points; ++i) {
        const double delay = seconds * (double(i) + 0.5) / double(points);
        const double ms = Interruption(phase, delay).run(engine, request, error);
        if (!error.empty()) {
            return false;
        }
        if (ms >= 0.0) {
            out.push_back(ms);
        }
        std::cerr << "medgemma-cli bench: stop during " << phaseName(phase) << " after " << delay
                  << " s: "
                  << (ms >= 0.0 ? std::to_string(ms) + " ms" : std::string("missed")) << "\n";
    }
    return true;
}

double worst(const std::vector<double>& values) {
    return values.empty() ? 0.0 : *std::max_element(values.begin(), values.end());
}

}  // namespace

bool measureCancelLatency(inference::Engine& engine, const CancelWorkload& workload,
                          CancelLatencies& out, std::string& error) {
    const int points = std::max(1, workload.pointsPerPhase);
    if (workload.image && !measurePhase(engine, *workload.image, inference::Phase::EncodingImages,
                                        workload.encodeSeconds, points, out.encodeMs, error)) {
        return false;
    }
    if (!measurePhase(engine, *workload.text, inference::Phase::ReadingPrompt,
                      workload.prefillSeconds, points, out.prefillMs, error)) {
        return false;
    }
    // Decode points fall across the first steps, each at a different offset within its step.
    const double decodeSpan = workload.decodeStepSeconds * double(points) * 1.3;
    return measurePhase(engine, *workload.text, inference::Phase::Writing, decodeSpan, points,
                        out.decodeMs, error);
}

nlohmann::json cancelLatencyJson(const CancelLatencies& latencies) {
    nlohmann::json json;
    const auto add = [&](const std::string& phase, const std::vector<double>& ms) {
        json["cancel_ms_" + phase] = worst(ms);
        json["cancel_ms_" + phase + "_median"] = inference::medianOf(ms);
    };
    add("encode", latencies.encodeMs);
    add("prefill", latencies.prefillMs);
    add("decode", latencies.decodeMs);
    json["cancel_runs"] = {{"encode_ms", latencies.encodeMs},
                           {"prefill_ms", latencies.prefillMs},
                           {"decode_ms", latencies.decodeMs}};
    return json;
}

}  // namespace app::cli
