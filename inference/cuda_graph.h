#pragma once
// Internal (libtorch): one piece of device work captured as a CUDA graph and replayed with a
// single launch. A decode step on a GPU is hundreds of small kernels whose launch cost, not
// their arithmetic, sets the token rate; replaying them as one graph removes that cost.
//
// The captured work must keep its tensors' shapes and addresses and must neither read values
// back to the host nor copy from it (static_decode.h is written that way). Graphs exist when
// the libtorch the engine is built against has CUDA (CMake option MEDGEMMA_CUDA_GRAPHS, on by
// default); MEDGEMMA_CUDA_GRAPHS=off in the environment disables them at run time, for
// comparisons. Where there are none, capture() says why and the caller runs the work eagerly.
//
// Ownership: a CapturedGraph owns its graph and the graph's private memory pool (the
// intermediate tensors of the captured work), released by reset() or destruction.
// Thread-safety: not thread-safe; used by the one thread that runs a Session.

#include <functional>
#include <memory>
#include <string>

namespace inference {

class CapturedGraph {
public:
    CapturedGraph();
    ~CapturedGraph();
    CapturedGraph(const CapturedGraph&) = delete;
    CapturedGraph& operator=(const CapturedGraph&) = delete;

    // Runs `work` once on a side stream (so that libraries set up their handles and
    // workspaces), calls `rewind` to undo what that run advanced, then captures `work` without
    // running it. Returns an empty string on success, else why there is no graph (the work
    // may then have run once and been rewound; run it eagerly).
    std::string capture(const std::function<void()>& work, const std::function<void()>& rewind);
    // Launches the captured work on the current stream. Requires captured().
    void replay();
    bool captured() const;
    void reset();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Whether graphs may be captured in this build and process (built with them and not switched
// off by MEDGEMMA_CUDA_GRAPHS=off); `why` gets the reason when not.
bool cudaGraphsEnabled(std::string* why = nullptr);

}  // namespace inference
