#pragma once
// The list of things a scan reads, in order: files a DICOMDIR references come first, each with
// the directory records above it (so they are grouped as the records say and read once), then
// every other file found. ZIP archives expand into their members, and a DICOMDIR inside an
// archive drives its members the same way.
// Thread-safety: one queue per scan, used by the scanning thread only.

#include <cstdint>
#include <deque>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "dicom/detail/dicomdir_reader.h"
#include "dicom/detail/path_walk.h"
#include "dicom/detail/zip_archive.h"
#include "dicom/study.h"

namespace dicom::detail {

struct ScanItem {
    std::string shownPath;                          // a file, or "archive.zip!member"
    std::size_t archive = SIZE_MAX;                 // index of the open archive, or SIZE_MAX
    ZipMember member;                               // when archive is set
    std::shared_ptr<const DirectoryEntry> record;   // grouping from a DICOMDIR, may be null
    bool named = false;                             // named by the user
};

class ScanQueue {
public:
    explicit ScanQueue(std::vector<FileError>& errors) : m_errors(errors) {}

    // Plans the files a folder walk found: DICOMDIRs are read and drive their files.
    void plan(const std::vector<FoundFile>& files);
    // Appends the members of the archive at `path` (a file found or named, or a file the scan
    // found to be a ZIP archive).
    void expandArchive(const std::string& path);

    bool empty() const { return m_items.empty(); }
    ScanItem pop();
    std::size_t total() const { return m_total; }

    // The file to read for `item`: the file itself or a local copy of the archive member.
    Result<std::string> localFile(const ScanItem& item);

private:
    void push(ScanItem item);
    void planDicomDir(const FoundFile& file);
    void planArchiveDicomDir(std::size_t archive, const ZipMember& dicomdir, const std::vector<ZipMember>& members,
                             std::set<std::string>& referenced);

    std::vector<FileError>& m_errors;
    std::deque<ScanItem> m_items;
    std::vector<std::unique_ptr<ZipArchive>> m_archives;
    std::vector<std::string> m_archivePaths;
    std::set<std::string> m_referenced;  // files a DICOMDIR already queued
    std::size_t m_total = 0;
};

// Makes the scanned file belong where its DICOMDIR record puts it.
void applyDirectoryRecord(PatientInfo& patient, StudyInfo& study, SeriesInfo& series, const DirectoryEntry& record);

}  // namespace dicom::detail
