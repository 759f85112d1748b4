#include "bench_plan.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine_session.h"
#include "inference/config.h"
#include "inference/memory_plan.h"
#include "inference/random_model.h"

namespace app::cli {
namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

struct Variant {
    const char* name;
    inference::MemoryPlanSettings settings;
};

std::vector<Variant> variants(std::int64_t context) {
    std::vector<Variant> list;
    const auto add = [&](const char* name, inference::PlanWeights weights, std::int64_t group) {
        inference::MemoryPlanSettings s;
        s.weights = weights;
        s.group = group;
        s.contextTokens = context;
        list.push_back({name, s});
    };
    add("bf16", inference::PlanWeights::BFloat16, 0);
    add("int8", inference::PlanWeights::Int8, 0);
    add("int4 g32", inference::PlanWeights::Int4, 32);
    add("int4 g64", inference::PlanWeights::Int4, 64);
    add("int4 g128", inference::PlanWeights::Int4, 128);
    return list;
}

bool readConfig(Arguments& args, inference::ModelConfig& config, std::string& label,
                std::string& error) {
    std::string text;
    if (const auto like = args.value("like")) {
        const auto json = inference::variantConfigJson(*like);
        if (!json) {
            error = "--like takes medgemma-4b-it or medgemma-27b-it";
            return false;
        }
        text = *json;
        label = *like;
    } else if (const auto model = args.value("model")) {
        std::ifstream in(*model + "/config.json");
        std::stringstream buffer;
        buffer << in.rdbuf();
        text = buffer.str();
        label = *model;
        if (!in) {
            error = *model + "/config.json cannot be read";
            return false;
        }
    } else {
        error = "--plan needs --like NAME or --model DIR";
        return false;
    }
    auto parsed = inference::parseModelConfig(text, "config.json");
    if (!parsed) {
        error = parsed.error().message;
        return false;
    }
    config = parsed.value();
    return true;
}

double gib(std::uint64_t bytes) { return double(bytes) / kGiB; }

void printText(const std::string& label, std::int64_t context, double ramGib, double gpuGib,
               const inference::ModelConfig& config) {
    std::printf("Memory plan of %s at a context of %lld tokens (GiB = 2^30 bytes)\n\n",
                label.c_str(), static_cast<long long>(context));
    for (const Variant& v : variants(context)) {
        const inference::MemoryPlan plan = inference::planMemory(config, v.settings);
        std::printf("%s\n", v.name);
        for (const auto& line : plan.weights) {
            std::printf("  %-24s %8.3f GiB  %s\n", line.component.c_str(), gib(line.bytes),
                        line.detail.c_str());
        }
        std::printf("  %-24s %8.3f GiB\n", "weights", gib(plan.weightBytes));
        std::printf("  %-24s %8.3f GiB  bf16, sliding layers hold their window\n", "KV cache",
                    gib(plan.kvCacheBytes));
        for (const auto& line : plan.activations) {
            std::printf("  %-24s %8.3f GiB  %s\n", ("activations: " + line.component).c_str(),
                        gib(line.bytes), line.detail.c_str());
        }
        const double total = gib(plan.totalBytes());
        const double onGpu = total + gib(inference::kCudaRuntimeBytes);
        std::printf("  %-24s %8.3f GiB  (activation peak %.3f GiB)\n", "total", total,
                    gib(plan.activationPeakBytes));
        std::printf("  %-24s %8.3f GiB  + %.2f GiB CUDA context and library workspaces\n",
                    "total on a GPU", onGpu, gib(inference::kCudaRuntimeBytes));
        std::printf("  fits %.0f GiB GPU: %s (%.2f GiB left)   fits %.0f GiB RAM: %s (%.2f GiB left)\n\n",
                    gpuGib, onGpu <= gpuGib ? "yes" : "no", gpuGib - onGpu, ramGib,
                    total <= ramGib ? "yes" : "no", ramGib - total);
    }
}

nlohmann::json planJson(const std::string& label, std::int64_t context,
                        const inference::ModelConfig& config) {
    nlohmann::json out = {{"model", label}, {"context_tokens", context}, {"plans", nlohmann::json::array()}};
    for (const Variant& v : variants(context)) {
        const inference::MemoryPlan plan = inference::planMemory(config, v.settings);
        nlohmann::json weights = nlohmann::json::object();
        for (const auto& line : plan.weights) {
            weights[line.component] = line.bytes;
        }
        out["plans"].push_back({{"weights_format", v.name},
                                {"weights", weights},
                                {"weight_bytes", plan.weightBytes},
                                {"kv_cache_bytes", plan.kvCacheBytes},
                                {"activation_peak_bytes", plan.activationPeakBytes},
                                {"total_bytes", plan.totalBytes()},
                                {"gpu_total_bytes", plan.totalBytes() + inference::kCudaRuntimeBytes}});
    }
    return out;
}

}  // namespace

int runBenchPlan(Arguments& args, const std::string& prefix) {
    inference::ModelConfig config;
    std::string label;
    std::string error;
    const std::int64_t context = args.integer("context", 8192);
    const double ram = args.number("ram-gib", 24.0);
    const double gpu = args.number("gpu-gib", 16.0);
    if (!args.ok() || !readConfig(args, config, label, error)) {
        return fail(prefix, args.ok() ? error : args.error(), 2);
    }
    if (args.has("json")) {
        std::cout << planJson(label, context, config).dump() << "\n";
    } else {
        printText(label, context, ram, gpu, config);
    }
    return 0;
}

}  // namespace app::cli
