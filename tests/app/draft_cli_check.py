#!/usr/bin/env python3
"""medgemma-cli draft on the fixture checkpoint and the synthetic sample study.

usage: draft_cli_check.py MEDGEMMA_CLI FIXTURES_DIR TOKENIZER_DIR

A batch of a broken study (a damaged JPEG that scans but cannot be decoded) followed by the
three sample studies (CT, DX, photograph): the broken study is reported on stderr, the others are
still drafted, the exit status is 1. Each drafted DICOM study gets report.dcm (valid per dsrdump
and dciodvfy, referencing the source study, series and instances, with the review statement),
report.pdf (pdftotext finds the patient, the report, the notice and the weights' SHA-256),
report.fhir.json (R4 Bundle: DiagnosticReport + Provenance targeting it) and report.txt; the
photograph study gets all but the SR. Provenance (weights' SHA-256 as hashlib computes them,
template, prompt, inputs) is in report.report.json; the audit log has one line per inference and
per export with the written file's SHA-256; no journal is left behind. Then --formats,
--template, --prompt and --deidentify on one study (exit 0; the de-identified SR still
validates), the progress bar on a terminal (a pty), a crash (SIGKILL) during a long draft that
leaves a journal with the streamed text, and argument errors (exit 2).
"""
import base64
import glob
import hashlib
import json
import os
import pty
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata

cli, fixtures, tokenizer_dir = (os.path.abspath(p) for p in sys.argv[1:4])
failures = []
REVIEW = "AI generated, requires review"


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def sha256_file(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def model_dir(tmp):
    path = os.path.join(tmp, "tiny-medgemma")
    os.mkdir(path)
    src = os.path.join(fixtures, "tiny-medgemma")
    for name in os.listdir(src):
        os.symlink(os.path.join(src, name), os.path.join(path, name))
    for name in ("tokenizer.json", "tokenizer_config.json"):
        os.symlink(os.path.join(tokenizer_dir, name), os.path.join(path, name))
    return path


def broken_study(tmp, sample):
    """A DX study of its own whose JPEG pixel data is damaged: headers scan, decoding fails."""
    anon = os.path.join(tmp, "anon.dcm")
    jpeg = os.path.join(tmp, "jpeg.dcm")
    subprocess.run([cli, "anonymize", os.path.join(sample, "DX", "DX001.dcm"), anon,
                    "--pseudonym", "BROKEN"], check=True, capture_output=True)
    subprocess.run(["dcmcjpeg", "+e1", anon, jpeg], check=True)
    data = bytearray(open(jpeg, "rb").read())
    scan = data.rindex(b"\xff\xda")
    for k in range(scan + 200, len(data) - 200):
        data[k] = 0xFF
    folder = os.path.join(tmp, "broken")
    os.mkdir(folder)
    open(os.path.join(folder, "IM000001.dcm"), "wb").write(data)
    return folder


def environment(home):
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"))
    env.pop("QT_QPA_PLATFORM", None)  # the command chooses a headless platform itself
    return env


def data_dir(home):
    return os.path.join(home, "data", "MedGemmaWorkstation", "medgemma-workstation")


def run(home, *args):
    return subprocess.run([cli, "draft", *args], capture_output=True, text=True, timeout=600,
                          env=environment(home))


def source_uids(sample):
    """Study UID -> (series UIDs, SOP instance UIDs) of the sample's DICOM files."""
    out = subprocess.run([cli, "info", sample, "--json"], capture_output=True, text=True,
                         check=True).stdout
    studies = {}
    for patient in json.loads(out)["patients"]:
        for study in patient["studies"]:
            if not study["studyInstanceUid"][:1].isdigit():
                continue  # photographs: no DICOM UIDs
            series = {s["seriesInstanceUid"] for s in study["series"]}
            sops = {i["sopInstanceUid"] for s in study["series"] for i in s["instances"]}
            studies[study["studyInstanceUid"]] = (series, sops)
    return studies


def validate_sr(path):
    """dsrdump reads it without error and dciodvfy finds no error; returns the dump."""
    dump = subprocess.run(["dsrdump", "+Pl", path], capture_output=True, text=True)
    check(dump.returncode == 0 and "Error" not in dump.stderr, "dsrdump reads %s: %s" % (path, dump.stderr))
    iod = subprocess.run(["dciodvfy", path], capture_output=True, text=True)
    errors = [l for l in (iod.stdout + iod.stderr).splitlines() if l.startswith("Error")]
    check(not errors, "dciodvfy finds no error in %s: %s" % (path, errors))
    return dump


def check_sr(path, study_uid, series_uids, sop_uids):
    dump = validate_sr(path)
    check("Basic Text SR" in dump.stdout or "Comprehensive SR" in dump.stdout or
          "Enhanced SR" in dump.stdout, "an SR text report: " + path)
    check(REVIEW in dump.stdout.replace("\n", " ") or REVIEW[:20] in dump.stdout,
          "the SR states the review notice")
    refs = subprocess.run(["dcmdump", "+P", "ReferencedSOPInstanceUID", "+P", "StudyInstanceUID",
                           "+P", "SeriesInstanceUID", path], capture_output=True, text=True).stdout
    values = set(re.findall(r"\[([0-9.]+)\]", refs))
    check(study_uid in values, "the SR belongs to the source study")
    check(sop_uids <= values, "the SR references every source instance")
    check(series_uids & values, "the SR names the source series")


def check_fhir(path):
    bundle = json.load(open(path))
    check(bundle.get("resourceType") == "Bundle" and bundle.get("type") in
          ("collection", "document", "transaction"), "FHIR: a Bundle of a valid type")
    resources = {e["fullUrl"]: e["resource"] for e in bundle.get("entry", [])}
    check(all(u.startswith("urn:uuid:") for u in resources), "FHIR: entries have urn:uuid full URLs")
    reports = [u for u, r in resources.items() if r["resourceType"] == "DiagnosticReport"]
    provenances = [r for r in resources.values() if r["resourceType"] == "Provenance"]
    if not check(len(reports) == 1 and len(provenances) == 1, "FHIR: one DiagnosticReport, one Provenance"):
        return
    report = resources[reports[0]]
    check(report.get("status") in ("registered", "partial", "preliminary", "final", "amended"),
          "FHIR: DiagnosticReport.status from its value set")
    check(report.get("code", {}).get("coding"), "FHIR: DiagnosticReport.code (1..1)")
    for form in report.get("presentedForm", []):
        base64.b64decode(form["data"], validate=True)
    prov = provenances[0]
    check(any(t.get("reference") == reports[0] for t in prov.get("target", [])),
          "FHIR: Provenance.target references the DiagnosticReport")
    check(re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$",
                   prov.get("recorded", "")), "FHIR: Provenance.recorded is an instant")
    check(prov.get("agent") and all("who" in a for a in prov["agent"]), "FHIR: Provenance.agent.who")
    for ref in re.findall(r'"reference": "(urn:uuid:[^"]+)"', json.dumps(bundle)):
        check(ref in resources, "FHIR: reference %s resolves in the bundle" % ref)


def check_study(folder, study_uid, uids, weights, template):
    report = json.load(open(os.path.join(folder, "report.report.json")))
    draft = report["drafts"][0]["provenance"]
    check(draft["template"]["name"] == template, "template %s recorded" % template)
    got = {w["path"]: w["sha256"] for w in draft["model"]["weights"]}
    check(got == weights, "the report carries the weight files' SHA-256")
    check(draft["prompt"].startswith("<bos><start_of_turn>user\n"), "the full prompt is recorded")
    check(draft["model"]["dtype"] == "float32" and draft["model"]["device"] == "cpu", "dtype and device")
    inputs = {i["sopInstanceUid"] for i in draft["inputs"]}
    if uids:
        check(inputs == uids[1], "the inputs are the study's instances")
        check_sr(os.path.join(folder, "report.dcm"), study_uid, uids[0], uids[1])
    else:
        check(not os.path.exists(os.path.join(folder, "report.dcm")), "no SR for photographs")
    check_fhir(os.path.join(folder, "report.fhir.json"))
    text = open(os.path.join(folder, "report.txt"), encoding="utf-8").read()
    check(REVIEW in text and all(h in text for h in weights.values()), "text: notice and SHA-256")
    pdf = subprocess.run(["pdftotext", os.path.join(folder, "report.pdf"), "-"],
                         capture_output=True, text=True).stdout
    flat = " ".join(unicodedata.normalize("NFKC", pdf).split())  # "ﬁ" ligatures back to "fi"
    check(REVIEW in flat, "PDF: the review notice")
    # The fixture model writes words of many scripts; the ASCII ones survive any font.
    words = [w for w in report["drafts"][0]["output"].split() if re.fullmatch(r"[A-Za-z]{3,}", w)]
    check(all(w in flat for w in words), "PDF: the report text %s" % words)
    prompt = [w for w in draft["prompt"].split() if re.fullmatch(r"[A-Za-z]{3,}", w)]
    check(all(w in flat for w in prompt), "PDF: the full prompt")
    check("SHA-256" in flat and list(weights.values())[0][:12] in flat, "PDF: the weights' SHA-256")
    if uids:
        check("SAMPLE" in flat and "WORKSTATION" in flat, "PDF: the patient")


def check_audit(home, outputs):
    lines = [json.loads(l) for l in open(os.path.join(data_dir(home), "audit.jsonl"))]
    inference = [l for l in lines if l["event"] == "inference"]
    exports = [l for l in lines if l["event"] == "export"]
    check(len(inference) == 3, "one audit line per inference (3): %d" % len(inference))
    check(len(exports) == len(outputs), "one audit line per export: %d of %d" % (len(exports), len(outputs)))
    for line in lines:
        check(all(k in line for k in ("time", "user", "inputs", "model", "parameters", "output")),
              "audit line fields: %s" % sorted(line))
    for line in exports:
        path = line["parameters"]["path"]
        check(os.path.abspath(path) in outputs, "audited export %s was written" % path)
        check(line["output"]["fileSha256"] == sha256_file(path), "audited SHA-256 of " + path)


def batch_test(tmp, model, sample, weights):
    home = os.path.join(tmp, "home")
    out = os.path.join(tmp, "out")
    broken = broken_study(tmp, sample)
    r = run(home, "--model", model, "--max-new-tokens", "6", "--dtype", "float32", "--out", out,
            broken, sample)
    check(r.returncode == 1, "a broken study makes the exit status 1: %d %s" % (r.returncode, r.stderr))
    check("\r" not in r.stderr, "no progress bar when stderr is not a terminal")
    check(re.search(r"draft: \S+ \"PHANTOM CHEST PA\": DX #1, image 1 of 1: .*IM000001.dcm", r.stderr),
          "the broken study's error names it and its file: " + r.stderr)
    check(r.stdout.count("drafted") == 3, "the three sample studies are drafted: " + r.stdout)
    studies = source_uids(sample)
    templates = {"CT": "ct-report v1", "DX": "cxr-report v1"}
    written = set()
    for study_uid, uids in studies.items():
        folder = os.path.join(out, study_uid)
        modality = "CT" if len(uids[1]) > 1 else "DX"
        check_study(folder, study_uid, uids, weights, templates[modality])
        written |= {os.path.join(folder, n) for n in
                    ("report.dcm", "report.pdf", "report.fhir.json", "report.txt")}
    photos = [d for d in glob.glob(os.path.join(out, "photographs*"))]
    if check(len(photos) == 1, "the photograph study has a folder"):
        check_study(photos[0], None, None, weights, "derm-description v1")
        written |= {os.path.join(photos[0], n) for n in ("report.pdf", "report.fhir.json", "report.txt")}
    check(len(os.listdir(out)) == 3, "no folder for the broken study")
    check_audit(home, written)
    journal = os.path.join(data_dir(home), "report-journal")
    check(not os.path.isdir(journal) or not os.listdir(journal), "no journal left after saving")


def options_test(tmp, model, sample):
    home = os.path.join(tmp, "home2")
    out = os.path.join(tmp, "out2")
    r = run(home, "--model", model, "--max-new-tokens", "4", "--dtype", "float32", "--out", out,
            "--formats", "sr,text", "--prompt", "List the devices you see.", "--deidentify",
            os.path.join(sample, "DX"))
    check(r.returncode == 0, "one DX study exits 0: " + r.stderr)
    folders = os.listdir(out)
    if not check(len(folders) == 1, "one study folder"):
        return
    folder = os.path.join(out, folders[0])
    check(sorted(os.listdir(folder)) == ["report.dcm", "report.report.json", "report.txt"],
          "only the asked formats: %s" % os.listdir(folder))
    text = open(os.path.join(folder, "report.txt"), encoding="utf-8").read()
    check("SAMPLE" not in text and "MGW-SAMPLE-0001" not in text, "de-identified text names no one")
    dump = subprocess.run(["dcmdump", os.path.join(folder, "report.dcm")], capture_output=True, text=True).stdout
    check("SAMPLE^WORKSTATION" not in dump and "MGW-SAMPLE-0001" not in dump, "de-identified SR")
    validate_sr(os.path.join(folder, "report.dcm"))
    report = json.load(open(os.path.join(folder, "report.report.json")))
    check("List the devices you see." in report["drafts"][0]["provenance"]["prompt"], "--prompt is used")
    r = run(home, "--model", model, "--template", "free-question", "--out", out,
            os.path.join(sample, "DX"))
    check(r.returncode == 1 and "--prompt" in r.stderr, "a template without a request needs --prompt")
    r = run(home, "--model", model, "--template", "no-such-template", "--out", out,
            os.path.join(sample, "DX"))
    check(r.returncode == 1 and "no-such-template" in r.stderr, "an unknown template fails the study")


def terminal_test(tmp, model, sample):
    """On a terminal, standard error shows the progress bar."""
    primary, secondary = pty.openpty()
    out = os.path.join(tmp, "out5")
    process = subprocess.Popen([cli, "draft", "--model", model, "--max-new-tokens", "4",
                                "--dtype", "float32", "--formats", "text", "--out", out,
                                os.path.join(sample, "CT")], env=environment(os.path.join(tmp, "home5")),
                               stdout=subprocess.DEVNULL, stderr=secondary)
    os.close(secondary)
    seen = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        seen += chunk
    os.close(primary)
    check(process.wait() == 0, "the terminal run exits 0")
    check(b"\r[" in seen and b"] 1/1  " in seen, "a progress bar on a terminal: %r" % seen[:200])


def crash_test(tmp, model, sample):
    """SIGKILL during a long draft: the journal keeps what was streamed for the next start."""
    home = os.path.join(tmp, "home3")
    journal = os.path.join(data_dir(home), "report-journal")
    process = subprocess.Popen([cli, "draft", "--model", model, "--max-new-tokens", "100000",
                                "--dtype", "float32", "--out", os.path.join(tmp, "out3"),
                                os.path.join(sample, "DX")], env=environment(home),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    size = 0
    while time.time() < deadline and process.poll() is None and size < 4000:
        files = glob.glob(os.path.join(journal, "*"))
        size = sum(os.path.getsize(f) for f in files)
        time.sleep(0.2)
    time.sleep(2.5)  # what was streamed more than 2 s before the kill must be on the disk
    journalled_before = sum(os.path.getsize(f) for f in glob.glob(os.path.join(journal, "*")))
    process.send_signal(signal.SIGKILL)
    process.wait()
    files = glob.glob(os.path.join(journal, "*"))
    check(files and sum(os.path.getsize(f) for f in files) >= journalled_before > 0,
          "the killed draft's journal is left for the next start")
    out = os.path.join(tmp, "out3")
    check(not os.path.isdir(out) or not os.listdir(out), "nothing exported from a killed draft")


def quant_test(tmp, model, sample):
    """--quant int8: quantized at the first load (cache beside the model), recorded."""
    out = os.path.join(tmp, "out6")
    r = run(os.path.join(tmp, "home6"), "--model", model, "--max-new-tokens", "4", "--quant",
            "int8", "--formats", "text", "--out", out, os.path.join(sample, "DX"))
    check(r.returncode == 0, "a draft with int8 weights exits 0: " + r.stderr)
    reports = glob.glob(os.path.join(out, "*", "report.report.json"))
    if check(len(reports) == 1, "one report with int8 weights"):
        draft = json.load(open(reports[0]))["drafts"][0]["provenance"]
        check(draft["model"]["dtype"] == "bfloat16, int8 weights",
              "int8 weights recorded: %s" % draft["model"]["dtype"])
    check(os.path.exists(os.path.join(model, "model.q8.cache")), "the int8 cache beside the model")


def argument_test(tmp, model):
    home = os.path.join(tmp, "home4")
    for args in (["--template", "ct-report", "--prompt", "x"], ["--formats", "sr,docx"], [],
                 ["--quant", "int3"], ["--dtype", "float32", "--quant", "int4"]):
        r = run(home, "--model", model, *args, "--out", os.path.join(tmp, "x"),
                *([tmp] if args else []))
        check(r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1,
              "wrong arguments %s exit 2 with one line: %d %s" % (args, r.returncode, r.stderr))
    r = run(home, "--model", os.path.join(tmp, "missing"), "--out", os.path.join(tmp, "y"), tmp)
    check(r.returncode == 1, "a missing model exits 1")


with tempfile.TemporaryDirectory() as tmp:
    model = model_dir(tmp)
    sample = os.path.join(tmp, "sample")
    subprocess.run([cli, "make-sample-study", sample], check=True, capture_output=True)
    weights = {p: sha256_file(p) for p in sorted(glob.glob(os.path.join(model, "*.safetensors")))}
    batch_test(tmp, model, sample, weights)
    options_test(tmp, model, sample)
    terminal_test(tmp, model, sample)
    crash_test(tmp, model, sample)
    quant_test(tmp, model, sample)
    argument_test(tmp, model)

if failures:
    print("%d failure(s)" % len(failures))
    sys.exit(1)
print("all draft checks passed")
