// scanPaths: header-only reading of everything the user opened, grouped into a Collection.
#include "dicom/loader.h"

#include "dicom/detail/collection_builder.h"
#include "dicom/detail/dicom_file.h"
#include "dicom/detail/member_store.h"
#include "dicom/detail/path_walk.h"
#include "dicom/detail/scan_file.h"
#include "dicom/detail/scan_queue.h"

namespace dicom {
namespace {

bool stopRequested(const std::atomic<bool>* cancel) { return cancel && cancel->load(std::memory_order_relaxed); }

void report(const ScanProgressFn& progress, std::size_t done, std::size_t total, const std::string& path) {
    if (progress) progress(ScanProgress{done, total, path});
}

class Scanner {
public:
    Scanner(Collection& out, detail::ScanQueue& queue) : m_out(out), m_queue(queue), m_builder(out) {}

    void scan(const detail::ScanItem& item) {
        auto local = m_queue.localFile(item);
        if (!local) return fail(item, local.error());
        auto scanned = detail::scanFile(local.value(), item.shownPath);
        if (!scanned) return failedScan(item, local.value(), scanned.error());
        auto& f = scanned.value();
        // A DICOMDIR under another name indexes files that the walk finds anyway.
        if (f.instance.sopClassUid == detail::kMediaStorageDirectorySopClass) return;
        if (item.record) detail::applyDirectoryRecord(f.patient, f.study, f.series, *item.record);
        m_builder.add(f.patient, f.study, f.series, std::move(f.instance));
    }

    void finish() { m_builder.finish(); }

private:
    void fail(const detail::ScanItem& item, const Error& e) {
        m_out.errors.push_back({item.shownPath, e.message, e.code});
        if (item.archive != SIZE_MAX) detail::releaseLocalCopy(item.shownPath);
    }

    // A file that is no DICOM may be a ZIP archive without the .zip name.
    void failedScan(const detail::ScanItem& item, const std::string& local, const Error& e) {
        if (e.code == ErrorCode::NotDicom && detail::looksLikeZip(local)) {
            if (item.archive == SIZE_MAX) return m_queue.expandArchive(local);
            return fail(item, {ErrorCode::NotDicom, "a ZIP archive inside an archive (not opened)"});
        }
        fail(item, e);
    }

    Collection& m_out;
    detail::ScanQueue& m_queue;
    detail::CollectionBuilder m_builder;
};

}  // namespace

Collection scanPaths(const std::vector<std::string>& paths, const ScanProgressFn& progress,
                     const std::atomic<bool>* cancel) {
    detail::silenceToolkitLogging();
    Collection out;
    const auto onFound = [&](std::size_t count) { report(progress, count, 0, {}); };
    const auto files = detail::listFiles(paths, out.errors, onFound, cancel);
    detail::ScanQueue queue(out.errors);
    queue.plan(files);
    Scanner scanner(out, queue);
    std::size_t done = 0;
    while (!queue.empty()) {
        const detail::ScanItem item = queue.pop();
        report(progress, done, queue.total(), item.shownPath);
        if (stopRequested(cancel)) break;  // after the report, so a callback can cancel at once
        scanner.scan(item);
        ++done;
    }
    out.cancelled = stopRequested(cancel);
    scanner.finish();
    report(progress, done, queue.total(), {});
    return out;
}

}  // namespace dicom
