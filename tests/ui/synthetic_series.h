#pragma once
// Synthetic DICOM series for viewer tests, written with DCMTK: a stack of axial CT slices whose
// every pixel holds the slice's number (so a test knows which slice a viewer shows), and a
// multi-frame instance whose frames do the same. No patient data.

#include <string>

#include <QString>

namespace testutil {

struct VolumeSpec {
    int slices = 500;
    int size = 256;             // rows = columns
    double pixelSpacing = 0.7;  // mm
    double sliceSpacing = 1.0;  // mm between slice positions
    std::string studyUidSuffix = "60";
    std::string seriesUidSuffix = "60.1";
    std::string studyDate = "20240101";
    std::string description = "Synthetic volume";
};

// Writes slice i (0-based, Instance Number i + 1) as <dir>/slice-NNNN.dcm. Stored value = i,
// HU = i - 1024, position z = -i * sliceSpacing. False when a file cannot be written.
bool writeVolume(const QString& directory, const VolumeSpec& spec);

// A single image with one graphics overlay plane (group 6000): the bits of rows 11..20 and
// columns 21..40 (1-based) are set, the rest clear.
bool writeWithOverlay(const QString& path, int size);

// One multi-frame instance of `frames` frames of size x size; frame f holds the value f.
bool writeMultiFrame(const QString& path, int frames, int size);

}  // namespace testutil
