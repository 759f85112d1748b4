#pragma once
// Opening DICOM files with DCMTK without reading their pixel data: element values longer than
// kHeaderReadLength stay in the file and are read on demand (DcmElement::getPartialValue or a
// later getValue), so a scan of thousands of files reads kilobytes per file.
// Files without preamble and meta header are accepted when DCMTK parses them as a dataset.
// Thread-safety: re-entrant; each call works on its own DcmFileFormat.

#include <memory>
#include <string>

#include "dicom/result.h"

class DcmFileFormat;

namespace dicom::detail {

constexpr unsigned kHeaderReadLength = 4096;  // bytes

struct DcmFileFormatDeleter {
    void operator()(DcmFileFormat* file) const;
};
using DicomFilePtr = std::unique_ptr<DcmFileFormat, DcmFileFormatDeleter>;

// Fails with FileNotFound, NotDicom (an empty file, or one DCMTK cannot parse and that does not
// carry the "DICM" mark) or Corrupt (a "DICM" file DCMTK cannot parse). Messages are
// "<path>: <reason>".
Result<DicomFilePtr> openDicomFile(const std::string& path);

// True when the first bytes of the file carry the DICOM preamble mark ("DICM" at offset 128).
bool hasDicomMark(const unsigned char* head, std::size_t size);

// DCMTK logs parser complaints to stderr; the workstation reports them as values instead.
void silenceToolkitLogging();

}  // namespace dicom::detail
