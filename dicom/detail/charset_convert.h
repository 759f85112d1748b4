#pragma once
// Converting every name, description and other text of a dataset (nested items included) from
// its Specific Character Set to UTF-8 (Specific Character Set becomes "ISO_IR 192"): DCMTK
// (with the system's iconv) where it can select the character set, the workstation's ISO 2022
// decoder where it cannot (Japanese JIS X 0208/0212 with glibc, single-valued ISO 2022 terms).
// Internal to dicom/: DCMTK types never leave this folder.
// Thread-safety: works on the dataset it is given only.

class DcmItem;

namespace dicom::detail {

// True when the text is UTF-8 afterwards (or was plain ASCII / UTF-8 already). False leaves the
// values as they were: callers make them valid UTF-8 with replacement characters.
bool convertToUtf8(DcmItem& dataset);

}  // namespace dicom::detail
