#pragma once
// Classifies one file (DICOM with or without preamble, photograph, or neither) and reads its
// header. Photographs get synthetic identifiers derived from their path: one patient of kind
// SourceKind::Photograph with no name or ID, one study and one series (modality "XC") per folder.
// Thread-safety: re-entrant.

#include <string>

#include "dicom/detail/scanned_file.h"
#include "dicom/result.h"

namespace dicom::detail {

// Error messages are the reason only (the caller records the path beside it). `shownPath`, when
// given, is recorded instead of `path` and decides the photograph grouping (the local copy of
// an archive member is read, the member's name is shown).
Result<ScannedFile> scanFile(const std::string& path, const std::string& shownPath = {});

// True for files that decodeFrame reads as photographs (by content, else by extension).
bool isPhotographFile(const std::string& path);

}  // namespace dicom::detail
