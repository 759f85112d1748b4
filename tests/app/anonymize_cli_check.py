#!/usr/bin/env python3
"""End-to-end checks of `medgemma-cli anonymize` and `bench-dicom` on the synthetic sample study:
exit codes, neutral output names, the sample's identity gone from every output byte, the
de-identification attributes present, UIDs replaced yet consistent within the study, the
warnings, and the benchmark's lines on a small synthesized series.

Usage: anonymize_cli_check.py MEDGEMMA_CLI (anonymize|bench)
"""
import os
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
failures = []

PATIENT_NAME = b"SAMPLE^WORKSTATION"
PATIENT_ID = b"MGW-SAMPLE-0001"
STUDY_UID = b"2.25.5676802928099602774667759657458005098.1.1"


def check(condition, message):
    if not condition:
        failures.append(message)


def run(*args):
    result = subprocess.run([CLI, *args], capture_output=True, text=True, timeout=300)
    return result.returncode, result.stdout, result.stderr


def read(path):
    with open(path, "rb") as f:
        return f.read()


def check_anonymize(sample, tmp):
    out = os.path.join(tmp, "anon")
    code, stdout, err = run("anonymize", sample, out)
    check(code == 0, f"anonymize folder exit {code}: {err}")
    names = sorted(os.listdir(out))
    check(names == [f"IM{i:06d}.dcm" for i in range(1, 14)], f"13 neutral names, got {names}")
    check("skipped " in stdout and "skin-lesion-ruler.png" in stdout, "the photograph is listed as skipped")
    check("13 file(s) de-identified, 1 skipped, 0 failed" in stdout, "summary line")
    for name in names:
        data = read(os.path.join(out, name))
        check(PATIENT_NAME not in data and PATIENT_ID not in data, f"{name}: identity gone")
        check(STUDY_UID not in data, f"{name}: study UID replaced")
        check(b"113100" in data and b"YES" in data, f"{name}: de-identification recorded")

    code, stdout, _ = run("info", out, "--json")
    check(code == 0, "info reads the de-identified folder")
    check(stdout.count('"studyInstanceUid"') == 2, "CT and DX keep one study each, consistently")
    check("SAMPLE" not in stdout, "info shows no trace of the sample's name")

    single = os.path.join(tmp, "one", "ct.dcm")
    code, stdout, err = run("anonymize", os.path.join(sample, "CT", "CT001.dcm"), single, "--pseudonym", "CASE-7")
    check(code == 0 and os.path.exists(single), f"anonymize file exit {code}: {err}")
    check(b"CASE-7" in read(single), "pseudonym written")
    check(" -> " + single in stdout, "file report line")

    check(run("anonymize", sample)[0] == 2, "one argument exits 2")
    check(run("anonymize", sample, out, "--bogus")[0] == 2, "unknown option exits 2")
    code, _, err = run("anonymize", os.path.join(tmp, "absent"), os.path.join(tmp, "x"))
    check(code == 1 and err.startswith("medgemma-cli anonymize: "), f"missing input exits 1: {err!r}")
    garbage = os.path.join(tmp, "garbage.dcm")
    with open(garbage, "wb") as f:
        f.write(b"\0" * 128 + b"DICM" + os.urandom(200))
    code, _, err = run("anonymize", garbage, os.path.join(tmp, "g.dcm"))
    check(code == 1 and len(err.strip().splitlines()) == 1, f"damaged file exits 1 with one line: {err!r}")


def check_bench(sample, tmp):
    folder = os.path.join(tmp, "bench")
    code, stdout, err = run("bench-dicom", folder, "--synthesize", "30", "--size", "64", "--runs", "3")
    check(code == 0, f"bench-dicom exit {code}: {err}")
    for label in ("synthesize", "scan", "first image", "browsable", "slice", "volume"):
        check(any(line.startswith(label) for line in stdout.splitlines()), f"bench line {label!r} missing")
    check("30 instances" in stdout and "64 x 64" in stdout and "30 of 30 slices" in stdout, stdout)
    check(run("bench-dicom", os.path.join(tmp, "empty"))[0] == 1, "bench on nothing exits 1")
    check(run("bench-dicom")[0] == 2, "bench without a folder exits 2")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        sample = os.path.join(tmp, "sample")
        code, _, err = run("make-sample-study", sample)
        check(code == 0, f"make-sample-study exit {code}: {err}")
        {"anonymize": check_anonymize, "bench": check_bench}[sys.argv[2]](sample, tmp)
    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
