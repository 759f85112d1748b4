#!/usr/bin/env python3
"""End-to-end checks of `medgemma-cli info`, `render` and `make-sample-study` on the synthetic
sample study: exit codes, the tree and JSON, PNG type and size, pixel values after a known
window, the padded RGB model input of each recipe, and the one-line error on files that cannot
be decoded.

Usage: dicom_cli_check.py MEDGEMMA_CLI (info|render)
"""
import json
import os
import struct
import subprocess
import sys
import tempfile
import zlib

CLI = sys.argv[1]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(*args):
    result = subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)
    return result.returncode, result.stdout, result.stderr


def read_png(path):
    """Width, height, colour type and unfiltered rows of an 8-bit, non-interlaced PNG."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and interlace == 0
    channels = {0: 1, 2: 3}[colour]
    raw, stride, rows, previous = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        previous = line
    return width, height, colour, rows


def linear_voi(x, c, w):
    """PS3.3 C.11.2.1.2.1, rounded to 8 bits."""
    if x <= c - 0.5 - (w - 1) / 2:
        return 0
    if x > c - 0.5 + (w - 1) / 2:
        return 255
    return int(((x - (c - 0.5)) / (w - 1) + 0.5) * 255 + 0.5)


def check_info(sample, tmp):
    code, out, _ = run("info", sample)
    check(code == 0, f"info exit {code}")
    for text in ("SAMPLE^WORKSTATION", "Photographs (no patient data)", "2.25.5676802928099602774667759657458005098.2.1",
                 "256 x 256 pixels", "1.2.840.10008.1.2.1", "Imager Pixel Spacing", "MONOCHROME2", "XC",
                 "14 instance(s) read, 0 file(s) with errors"):
        check(text in out, f"info output lacks {text!r}")

    code, out, _ = run("info", sample, "--json")
    check(code == 0, f"info --json exit {code}")
    tree = json.loads(out)
    check(tree["instanceCount"] == 14, "JSON instanceCount")
    check(len(tree["patients"]) == 2 and tree["errors"] == [], "JSON patients/errors")
    kinds = sorted(p["kind"] for p in tree["patients"])
    check(kinds == ["dicom", "photograph"], f"JSON patient kinds {kinds}")
    ct = [s for p in tree["patients"] for st in p["studies"] for s in st["series"] if s["modality"] == "CT"][0]
    check(len(ct["instances"]) == 12, "JSON CT instances")
    first = ct["instances"][0]
    check(first["rows"] == 256 and first["columns"] == 256 and first["frames"] == 1, "JSON CT size")
    check(first["photometricInterpretation"] == "MONOCHROME2" and first["pixelSigned"], "JSON CT pixels")
    check(first["transferSyntaxUid"] == "1.2.840.10008.1.2.1" and first["spacing"] == [0.8, 0.8], "JSON CT syntax")

    garbage = os.path.join(tmp, "garbage.dcm")
    with open(garbage, "wb") as f:
        f.write(b"definitely not an image")
    code, out, _ = run("info", garbage)
    check(code == 1, f"info on garbage exit {code}")
    check(f"Error: {garbage}: " in out, "info lists the per-file error")
    code, out, _ = run("info", garbage, os.path.join(sample, "DX"), "--json")
    check(code == 0, "info with one good and one bad file exits 0")
    check(len(json.loads(out)["errors"]) == 1, "JSON lists the bad file")
    check(run("info")[0] == 2, "info without paths exits 2")


def check_render(sample, tmp):
    ct = os.path.join(sample, "CT", "CT009.dcm")  # the lesion's slice
    out = os.path.join(tmp, "ct.png")
    code, _, err = run("render", ct, "-o", out)
    check(code == 0, f"render CT exit {code}: {err}")
    width, height, colour, rows = read_png(out)
    check((width, height, colour) == (256, 256, 0), "CT renders as 256 x 256 grey")
    # Default window: the file's first (40/400 ABDOMEN). Lesion 10 HU at (77, 140), liver 60 HU at (77, 110).
    check(rows[140][77] == linear_voi(10, 40, 400), f"lesion pixel {rows[140][77]}")
    check(rows[110][77] == linear_voi(60, 40, 400), f"liver pixel {rows[110][77]}")

    code, _, _ = run("render", ct, "--window", "-600,1500", "-o", out)
    check(code == 0, "render with --window")
    check(read_png(out)[3][140][77] == linear_voi(10, -600, 1500), "lung window applied")

    photo = os.path.join(sample, "photographs", "skin-lesion-ruler.png")
    code, _, _ = run("render", photo, "-o", out)
    width, height, colour, _ = read_png(out)
    check(code == 0 and (width, height, colour) == (640, 480, 2), "photograph renders as 640 x 480 RGB")
    code, _, _ = run("render", os.path.join(sample, "DX", "DX001.dcm"), "--frame", "1", "-o", out)
    check(code == 0 and read_png(out)[:3] == (864, 1024, 0), "radiograph renders")

    garbage = os.path.join(tmp, "garbage.dcm")
    with open(garbage, "wb") as f:
        f.write(b"\0" * 128 + b"DICM" + os.urandom(300))
    damaged_png = os.path.join(tmp, "damaged.png")  # IDAT bytes overwritten: CRC error in libpng
    with open(photo, "rb") as f:
        data = bytearray(f.read())
    data[20000:20004] = b"\0\0\0\0"
    with open(damaged_png, "wb") as f:
        f.write(data)
    missing = os.path.join(tmp, "never-written.png")
    for args, what in (([garbage], "damaged file"), ([ct, "--frame", "2"], "frame out of range"),
                       ([os.path.join(tmp, "absent.dcm")], "missing file"), ([damaged_png], "damaged PNG")):
        code, _, err = run("render", *args, "-o", missing)
        check(code == 1, f"render {what}: exit {code}")
        check(len(err.strip().splitlines()) == 1 and err.startswith("medgemma-cli render: "),
              f"render {what}: one-line error, got {err!r}")
        check(not os.path.exists(missing), f"render {what}: no output written")
    check(run("render", ct)[0] == 2, "render without -o exits 2")
    check_model_input(sample, tmp)
    check_compressed(sample, tmp)


def last_fragment(data):
    """Offset and length of the last encapsulated fragment (the item after the Pixel Data tag)."""
    pixel_data = data.rindex(b"\xe0\x7f\x10\x00")
    item = data.rindex(b"\xfe\xff\x00\xe0", pixel_data)
    return item + 8, struct.unpack("<I", data[item + 4:item + 8])[0]


def relabel_syntax(data, old_uid, new_uid):
    """The file with another Transfer Syntax UID in its meta header (lengths adjusted)."""
    old_value = old_uid.encode() + (b"\0" if len(old_uid) % 2 else b"")
    new_value = new_uid.encode() + (b"\0" if len(new_uid) % 2 else b"")
    at = data.index(b"\x02\x00\x10\x00UI" + struct.pack("<H", len(old_value)) + old_value)
    element = b"\x02\x00\x10\x00UI" + struct.pack("<H", len(new_value)) + new_value
    out = bytearray(data[:at] + element + data[at + 8 + len(old_value):])
    group_length = out.index(b"\x02\x00\x00\x00UL\x04\x00") + 8
    value = struct.unpack("<I", out[group_length:group_length + 4])[0] + len(new_value) - len(old_value)
    out[group_length:group_length + 4] = struct.pack("<I", value)
    return bytes(out)


def check_compressed(sample, tmp):
    """The CT slice re-encoded by DCMTK's lossless encoders renders exactly as the original; the
    same files with a damaged codestream, and a transfer syntax without a codec, give one line."""
    ct = os.path.join(sample, "CT", "CT009.dcm")
    native = os.path.join(tmp, "native.png")
    check(run("render", ct, "-o", native)[0] == 0, "render native CT")
    expected = read_png(native)
    encoders = (("jpeg-lossless-sv1", ["dcmcjpeg", "--encode-lossless-sv1"]),
                ("jpeg-lossless", ["dcmcjpeg", "--encode-lossless"]),
                ("jpeg-ls-lossless", ["dcmcjpls", "--encode-lossless"]),
                ("rle", ["dcmcrle"]))
    missing = os.path.join(tmp, "never-written.png")
    for name, encoder in encoders:
        encoded = os.path.join(tmp, name + ".dcm")
        if subprocess.run([*encoder, ct, encoded], capture_output=True).returncode != 0:
            check(False, f"{encoder[0]} (DCMTK) could not encode the CT slice as {name}")
            continue
        out = os.path.join(tmp, name + ".png")
        code, _, err = run("render", encoded, "-o", out)
        check(code == 0 and read_png(out) == expected, f"{name}: renders as the native slice ({code}: {err})")

        with open(encoded, "rb") as f:
            data = bytearray(f.read())
        start, length = last_fragment(bytes(data))
        data[start + 4:start + length] = os.urandom(length - 4)  # lengths intact, codestream garbage
        damaged = os.path.join(tmp, name + "-damaged.dcm")
        with open(damaged, "wb") as f:
            f.write(data)
        cut = os.path.join(tmp, name + "-cut.dcm")
        with open(cut, "wb") as f:
            f.write(data[:start + length // 2])
        for path, what in ((damaged, "damaged codestream"), (cut, "truncated codestream")):
            code, _, err = run("render", path, "-o", missing)
            check(code == 1, f"{name} {what}: exit {code}")
            check(len(err.strip().splitlines()) == 1 and err.startswith("medgemma-cli render: "),
                  f"{name} {what}: one-line error, got {err!r}")
            check(not os.path.exists(missing), f"{name} {what}: no output written")

    jpeg_ls = os.path.join(tmp, "jpeg-ls-lossless.dcm")
    if os.path.exists(jpeg_ls):
        with open(jpeg_ls, "rb") as f:
            video = relabel_syntax(f.read(), "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.100")
        mpeg = os.path.join(tmp, "mpeg2.dcm")
        with open(mpeg, "wb") as f:
            f.write(video)
        code, _, err = run("render", mpeg, "-o", missing)
        check(code == 1 and len(err.strip().splitlines()) == 1, f"MPEG-2 syntax: exit {code}, {err!r}")
        check("1.2.840.10008.1.2.4.100" in err or "MPEG" in err, f"MPEG-2 syntax: the error names it: {err!r}")


def ct_recipe(hu):
    """The three CT windows of the MedGemma recipe, as 8-bit values (halves to even)."""
    return tuple(round((min(max(hu, lo), hi) - lo) / (hi - lo) * 255) for lo, hi in ((-1024, 1024), (-135, 215), (0, 80)))


def check_model_input(sample, tmp):
    out = os.path.join(tmp, "model.png")
    ct = os.path.join(sample, "CT", "CT009.dcm")
    code, _, err = run("render", ct, "--model-input", "-o", out)
    check(code == 0, f"render --model-input CT exit {code}: {err}")
    width, height, colour, rows = read_png(out)
    check((width, height, colour) == (256, 256, 2), "CT model input is 256 x 256 RGB")
    for (x, y), hu in (((77, 140), 10), ((77, 110), 60), ((128, 10), -1000)):
        check(tuple(rows[y][3 * x:3 * x + 3]) == ct_recipe(hu), f"CT model input at {(x, y)}: {tuple(rows[y][3 * x:3 * x + 3])}")

    dx = os.path.join(sample, "DX", "DX001.dcm")  # 864 x 1024: 80 black columns either side
    code, _, err = run("render", dx, "--model-input", "-o", out)
    check(code == 0, f"render --model-input DX exit {code}: {err}")
    width, height, colour, rows = read_png(out)
    check((width, height, colour) == (1024, 1024, 2), "DX model input is padded to 1024 x 1024 RGB")
    middle = rows[512]
    check(all(v == 0 for v in middle[:3 * 80]) and all(v == 0 for v in middle[3 * 944:]), "DX bars are black")
    check(all(middle[3 * x] == middle[3 * x + 1] == middle[3 * x + 2] for x in range(80, 944)), "DX grey to RGB")
    check(any(middle[3 * x] > 0 for x in range(80, 944)), "DX image between the bars")

    photo = os.path.join(sample, "photographs", "skin-lesion-ruler.png")  # 640 x 480: 80 rows top and bottom
    shown = os.path.join(tmp, "photo.png")
    check(run("render", photo, "-o", shown)[0] == 0, "render photograph")
    code, _, err = run("render", photo, "--model-input", "-o", out)
    check(code == 0, f"render --model-input photograph exit {code}: {err}")
    width, height, colour, rows = read_png(out)
    check((width, height, colour) == (640, 640, 2), "photograph model input is 640 x 640 RGB")
    check(all(v == 0 for row in rows[:80] + rows[560:] for v in row), "photograph bars are black")
    check(rows[80:560] == read_png(shown)[3], "photograph rows unchanged between the bars")
    check(run("render", ct, "--model-input", "--window", "40,400", "-o", out)[0] == 2,
          "--model-input with --window exits 2")
    check(run("render", ct, "--window", "40", "-o", out)[0] == 2, "malformed --window exits 2")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        sample = os.path.join(tmp, "sample")
        code, _, err = run("make-sample-study", sample)
        check(code == 0, f"make-sample-study exit {code}: {err}")
        {"info": check_info, "render": check_render}[sys.argv[2]](sample, tmp)
    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
