#!/usr/bin/env python3
"""The transformers side of packaging/gpu/check.sh (runs where PyTorch and transformers are).

goldens FIXTURES_DIR  For each fixture case (of the fixtures present): transformers' Gemma3ForConditionalGeneration in
                      float32 (eager attention, as the goldens were defined) on the GPU and on
                      the CPU; max |logit difference| of the last three positions against the
                      stored goldens, one JSON line per case and device.
bench MODEL_DIR       transformers' generate on a (random) checkpoint in bfloat16 on the GPU:
                      the workload of medgemma-cli bench (one 896x896 image with a short
                      prompt for the time to first token; 512 prompt ids, then 64 greedy
                      tokens), medians of 5 runs, one JSON object.
"""
import json
import os
import statistics
import sys
import time

import torch
import transformers
from safetensors.torch import load_file
from transformers import Gemma3ForConditionalGeneration


def dtype_argument(dtype):
    """from_pretrained's dtype keyword: `dtype` from transformers 4.56 on (`torch_dtype`
    before, deprecated since)."""
    major, minor = (int(part) for part in transformers.__version__.split(".")[:2])
    return {"dtype": dtype} if (major, minor) >= (4, 56) else {"torch_dtype": dtype}


def check_goldens(fixtures):
    for fixture in ("tiny-medgemma", "tiny-medgemma-b"):
        model_dir = os.path.join(fixtures, fixture)
        golden_dir = os.path.join(fixtures, fixture + "-golden")
        if not os.path.isdir(golden_dir):
            continue  # not carried in this call (check.sh prepare)
        with open(os.path.join(golden_dir, "golden.json")) as f:
            golden = json.load(f)
        for device in ("cuda", "cpu"):
            model = Gemma3ForConditionalGeneration.from_pretrained(
                model_dir, **dtype_argument(torch.float32), attn_implementation="eager").to(device)
            model.eval()
            for case in golden["cases"]:
                tensors = load_file(os.path.join(golden_dir, case["tensors_file"]))
                ids = torch.tensor([case["input_ids"]], device=device)
                kwargs = {"input_ids": ids,
                          "token_type_ids": torch.tensor([case["token_type_ids"]], device=device)}
                if "pixel_values" in tensors:
                    kwargs["pixel_values"] = tensors["pixel_values"].to(device)
                with torch.no_grad():
                    logits = model(**kwargs).logits[0, -3:].float().cpu()
                diff = (logits - tensors["logits_last3"]).abs().max().item()
                print(json.dumps({"fixture": fixture, "case": case["name"], "device": device,
                                  "max_abs_logit_diff_vs_golden": diff, "ok": diff <= 1e-4}),
                      flush=True)


def timed(fn):
    torch.cuda.synchronize()
    start = time.perf_counter()
    result = fn()
    torch.cuda.synchronize()
    return time.perf_counter() - start, result


def bench(model_dir):
    model = Gemma3ForConditionalGeneration.from_pretrained(
        model_dir, **dtype_argument(torch.bfloat16)).to("cuda")
    model.eval()
    config = model.config
    image_token = getattr(config, "image_token_id", None) or config.image_token_index
    image_ids = [2, 108, config.boi_token_index] + [image_token] * \
        config.mm_tokens_per_image + [config.eoi_token_index, 108, 82858, 672, 2471, 236761]
    image_ids = torch.tensor([image_ids], device="cuda")
    token_types = (image_ids == image_token).long()
    pixels = torch.rand(1, 3, 896, 896, device="cuda", dtype=torch.bfloat16) * 2 - 1
    generator = torch.Generator().manual_seed(12345)
    text_ids = torch.cat([torch.tensor([[2]]),
                          torch.randint(1000, 201000, (1, 511), generator=generator)], 1).cuda()
    runs = {"ttft_s": [], "prefill_tok_s": [], "decode_tok_s": []}
    with torch.no_grad():
        for run in range(6):  # the first warms up
            ttft, _ = timed(lambda: model.generate(
                input_ids=image_ids, token_type_ids=token_types, pixel_values=pixels,
                max_new_tokens=1, do_sample=False))
            prefill, _ = timed(lambda: model(input_ids=text_ids))
            total, out = timed(lambda: model.generate(
                input_ids=text_ids, max_new_tokens=64, min_new_tokens=64, do_sample=False))
            if run == 0:
                continue
            runs["ttft_s"].append(ttft)
            runs["prefill_tok_s"].append(512 / prefill)
            runs["decode_tok_s"].append((out.shape[1] - 513) / max(total - prefill, 1e-9))
    report = {k: statistics.median(v) for k, v in runs.items()}
    report.update({"runs": runs, "implementation": "transformers generate",
                   "device": torch.cuda.get_device_name(), "dtype": "bfloat16",
                   "torch": torch.__version__})
    print(json.dumps(report))


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("goldens", "bench"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    check_goldens(sys.argv[2]) if sys.argv[1] == "goldens" else bench(sys.argv[2])
