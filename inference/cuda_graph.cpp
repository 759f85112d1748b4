#include "inference/cuda_graph.h"

#include <cstdlib>
#include <cstring>
#include <exception>

#ifdef MEDGEMMA_HAVE_CUDA_GRAPHS
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

namespace inference {

#ifdef MEDGEMMA_HAVE_CUDA_GRAPHS

struct CapturedGraph::Impl {
    at::cuda::CUDAGraph graph;
};

std::string CapturedGraph::capture(const std::function<void()>& work,
                                   const std::function<void()>& rewind) {
    reset();
    auto impl = std::make_unique<Impl>();
    try {
        // The side stream starts after everything queued so far (the prefill, the inputs).
        c10::cuda::getCurrentCUDAStream().synchronize();
        c10::cuda::CUDAStream side = c10::cuda::getStreamFromPool();
        {
            c10::cuda::CUDAStreamGuard onSide(side);
            work();
            side.synchronize();
            rewind();
            impl->graph.capture_begin();
            try {
                work();
            } catch (...) {
                // End the capture so that the stream is usable again, then report the cause.
                try {
                    impl->graph.capture_end();
                } catch (...) {
                }
                throw;
            }
            impl->graph.capture_end();
        }
        side.synchronize();
    } catch (const std::exception& e) {
        return std::string("capture failed: ") + e.what();
    }
    m_impl = std::move(impl);
    return {};
}

void CapturedGraph::replay() {
    m_impl->graph.replay();
}

#else

struct CapturedGraph::Impl {};

std::string CapturedGraph::capture(const std::function<void()>&, const std::function<void()>&) {
    return "this libtorch has no CUDA";
}

void CapturedGraph::replay() {}

#endif

CapturedGraph::CapturedGraph() = default;
CapturedGraph::~CapturedGraph() = default;

bool CapturedGraph::captured() const {
    return m_impl != nullptr;
}

void CapturedGraph::reset() {
    m_impl.reset();
}

bool cudaGraphsEnabled(std::string* why) {
#ifndef MEDGEMMA_HAVE_CUDA_GRAPHS
    if (why) {
        *why = "built without CUDA graphs";
    }
    return false;
#else
    const char* setting = std::getenv("MEDGEMMA_CUDA_GRAPHS");
    if (setting && std::strcmp(setting, "off") == 0) {
        if (why) {
            *why = "MEDGEMMA_CUDA_GRAPHS=off";
        }
        return false;
    }
    return true;
#endif
}

}  // namespace inference
