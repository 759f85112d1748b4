#include "inference/cuda_driver.h"

#include <dlfcn.h>

namespace inference {
namespace {

// The few driver entry points needed, with their C signatures (CUresult is an int, 0 on
// success; CUdevice an int; CUcontext a pointer).
struct Driver {
    int (*init)(unsigned) = nullptr;
    int (*deviceGet)(int*, int) = nullptr;
    int (*retainPrimary)(void**, int) = nullptr;
    int (*releasePrimary)(int) = nullptr;
    int (*pushContext)(void*) = nullptr;
    int (*popContext)(void**) = nullptr;
    int (*memGetInfo)(std::size_t*, std::size_t*) = nullptr;
    bool ready = false;
};

template <typename F>
bool bind(void* library, const char* name, F& target) {
    target = reinterpret_cast<F>(::dlsym(library, name));
    return target != nullptr;
}

Driver openDriver() {
    Driver d;
    void* library = ::dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        return d;
    }
    d.ready = bind(library, "cuInit", d.init) && bind(library, "cuDeviceGet", d.deviceGet) &&
              bind(library, "cuDevicePrimaryCtxRetain", d.retainPrimary) &&
              bind(library, "cuDevicePrimaryCtxRelease_v2", d.releasePrimary) &&
              bind(library, "cuCtxPushCurrent_v2", d.pushContext) &&
              bind(library, "cuCtxPopCurrent_v2", d.popContext) &&
              bind(library, "cuMemGetInfo_v2", d.memGetInfo) && d.init(0) == 0;
    return d;  // the library stays open for the process's lifetime
}

const Driver& driver() {
    static const Driver d = openDriver();
    return d;
}

}  // namespace

std::optional<DeviceMemory> cudaDeviceMemory(int index) {
    const Driver& d = driver();
    int device = 0;
    void* context = nullptr;
    if (!d.ready || d.deviceGet(&device, index) != 0 || d.retainPrimary(&context, device) != 0) {
        return std::nullopt;
    }
    // The primary context is the one libtorch's runtime uses, so asking allocates nothing new
    // once a model is on the device.
    std::optional<DeviceMemory> memory;
    if (d.pushContext(context) == 0) {
        std::size_t freeBytes = 0;
        std::size_t totalBytes = 0;
        if (d.memGetInfo(&freeBytes, &totalBytes) == 0) {
            memory = DeviceMemory{freeBytes, totalBytes};
        }
        void* popped = nullptr;
        d.popContext(&popped);
    }
    d.releasePrimary(device);
    return memory;
}

}  // namespace inference
