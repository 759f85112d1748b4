#include "dicom/detail/scan_queue.h"

#include <filesystem>

#include "dicom/detail/media_paths.h"
#include "dicom/detail/member_store.h"

namespace fs = std::filesystem;

namespace dicom::detail {
namespace {

std::string folderOf(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string joinedId(const std::vector<std::string>& fileId) {
    std::string s;
    for (const auto& c : fileId) s += (s.empty() ? "" : "/") + c;
    return s;
}

void fillIfEmpty(std::string& target, const std::string& value) {
    if (target.empty()) target = value;
}

}  // namespace

void applyDirectoryRecord(PatientInfo& patient, StudyInfo& study, SeriesInfo& series, const DirectoryEntry& r) {
    if (!r.grouped) return;
    if (!r.patient.patientId.empty() || !r.patient.name.empty()) {
        patient.patientId = r.patient.patientId;
        patient.name = r.patient.name;
    }
    if (!r.study.studyInstanceUid.empty()) study.studyInstanceUid = r.study.studyInstanceUid;
    if (!r.series.seriesInstanceUid.empty()) series.seriesInstanceUid = r.series.seriesInstanceUid;
    fillIfEmpty(study.description, r.study.description);
    fillIfEmpty(study.date, r.study.date);
    fillIfEmpty(series.modality, r.series.modality);
    fillIfEmpty(series.description, r.series.description);
}

void ScanQueue::push(ScanItem item) {
    m_items.push_back(std::move(item));
    ++m_total;
}

ScanItem ScanQueue::pop() {
    ScanItem item = std::move(m_items.front());
    m_items.pop_front();
    return item;
}

void ScanQueue::plan(const std::vector<FoundFile>& files) {
    std::set<std::string> indexes;  // a DICOMDIR named and also found in its folder is read once
    for (const auto& file : files)
        if (isDicomDirName(file.path) && indexes.insert(file.path).second) planDicomDir(file);
    for (const auto& file : files) {
        if (isDicomDirName(file.path) || m_referenced.count(file.path)) continue;
        if (hasZipExtension(file.path))
            expandArchive(file.path);
        else
            push({file.path, SIZE_MAX, {}, nullptr, file.named});
    }
}

void ScanQueue::planDicomDir(const FoundFile& file) {
    auto entries = readDicomDir(file.path);
    if (!entries) {
        m_errors.push_back({file.path, entries.error().message, entries.error().code});
        return;
    }
    if (entries->empty() && file.named)
        m_errors.push_back({file.path, "the DICOMDIR lists no files", ErrorCode::NoPixelData});
    MediaPathResolver resolver;
    const std::string folder = folderOf(file.path);
    for (auto& entry : entries.value()) {
        const auto path = resolver.resolve(folder, entry.fileId);
        if (!path) {
            m_errors.push_back({folder + "/" + joinedId(entry.fileId), "listed in the DICOMDIR but missing",
                                ErrorCode::FileNotFound});
            continue;
        }
        if (!m_referenced.insert(*path).second) continue;
        push({*path, SIZE_MAX, {}, std::make_shared<const DirectoryEntry>(std::move(entry)), file.named});
    }
}

void ScanQueue::expandArchive(const std::string& path) {
    auto opened = ZipArchive::open(path);
    if (!opened) {
        m_errors.push_back({path, opened.error().message.substr(path.size() + 2), opened.error().code});
        return;
    }
    auto members = opened.value()->members();
    if (!members) {
        m_errors.push_back({path, members.error().message, members.error().code});
        return;
    }
    const std::size_t index = m_archives.size();
    m_archives.push_back(std::move(opened).value());
    m_archivePaths.push_back(path);
    std::set<std::string> referenced;
    for (const auto& m : members.value())
        if (isDicomDirName(m.name)) planArchiveDicomDir(index, m, members.value(), referenced);
    for (const auto& m : members.value()) {
        if (isDicomDirName(m.name) || referenced.count(m.name)) continue;
        push({memberPath(path, m.name), index, m, nullptr, false});
    }
}

void ScanQueue::planArchiveDicomDir(std::size_t archive, const ZipMember& dicomdir,
                                    const std::vector<ZipMember>& members, std::set<std::string>& referenced) {
    const std::string shown = memberPath(m_archivePaths[archive], dicomdir.name);
    auto local = localCopy(*m_archives[archive], m_archivePaths[archive], dicomdir);
    auto entries = local ? readDicomDir(local.value()) : Result<std::vector<DirectoryEntry>>(local.error());
    if (!entries) {
        m_errors.push_back({shown, entries.error().message, entries.error().code});
        return;
    }
    std::vector<std::string> names;
    std::map<std::string, const ZipMember*> byName;
    for (const auto& m : members) {
        names.push_back(m.name);
        byName.emplace(m.name, &m);
    }
    const MemberNameIndex index(names);
    for (auto& entry : entries.value()) {
        const auto name = index.resolve(folderOf(dicomdir.name), entry.fileId);
        if (!name) {
            m_errors.push_back({memberPath(m_archivePaths[archive], joinedId(entry.fileId)),
                                "listed in the DICOMDIR but missing from the archive", ErrorCode::FileNotFound});
            continue;
        }
        if (!referenced.insert(*name).second) continue;
        push({memberPath(m_archivePaths[archive], *name), archive, *byName.at(*name),
              std::make_shared<const DirectoryEntry>(std::move(entry)), false});
    }
}

Result<std::string> ScanQueue::localFile(const ScanItem& item) {
    if (item.archive == SIZE_MAX) return item.shownPath;
    return localCopy(*m_archives[item.archive], m_archivePaths[item.archive], item.member);
}

}  // namespace dicom::detail
