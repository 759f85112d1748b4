#!/usr/bin/env python3
"""The reference side of test_pydicom_palette_crosscheck: pydicom reads a PALETTE COLOR file
and applies its lookup tables (pydicom.pixel_data_handlers.util.apply_color_lut, which expands
Segmented Palette Color LUT Data itself); the RGB result is written as raw little-endian
samples, interleaved, one byte per sample for 8-bit table entries and two for 16-bit.

Usage: pydicom_palette.py INPUT.dcm OUTPUT.raw
Exit status: 0 written, 2 bad arguments, 3 pydicom or numpy missing, 4 pydicom refused the file.
"""
import sys


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        import numpy
        import pydicom
        from pydicom.pixel_data_handlers.util import apply_color_lut
    except ImportError as missing:
        print(f"pydicom_palette.py: {missing} (install python3-pydicom and python3-numpy)", file=sys.stderr)
        return 3
    dataset = pydicom.dcmread(argv[1])
    try:
        rgb = apply_color_lut(dataset.pixel_array, dataset)
    except (ValueError, IndexError) as refused:
        print(f"pydicom_palette.py: pydicom {pydicom.__version__}: {refused}", file=sys.stderr)
        return 4
    little_endian = rgb.dtype.newbyteorder("<")
    with open(argv[2], "wb") as out:
        out.write(numpy.ascontiguousarray(rgb, dtype=little_endian).tobytes())
    print(f"pydicom {pydicom.__version__}: {rgb.shape} {rgb.dtype}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
