#include "dicom/detail/zip_archive.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <vector>

#include <zip.h>

namespace dicom::detail {
namespace {

zip_t* handle(void* p) { return static_cast<zip_t*>(p); }

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

bool endsWithZip(const std::string& path) {
    return path.size() >= 4 && lower(path.substr(path.size() - 4)) == ".zip";
}

Status checkLimits(const ZipMember& m) {
    if (m.encrypted) return Error{ErrorCode::UnsupportedSyntax, "the archive member is encrypted"};
    if (m.size > kMaxMemberBytes)
        return Error{ErrorCode::TooLarge, "the archive member is larger than 2 GiB"};
    // Only large members are judged by ratio: small files of zeros compress extremely well
    // and are harmless.
    if (m.size > kRatioCheckBytes && m.size / std::max<std::uint64_t>(m.compressedSize, 1) > kMaxCompressionRatio)
        return Error{ErrorCode::TooLarge, "the archive member inflates more than 1000-fold (a zip bomb?)"};
    return {};
}

// Copies at most `declared` bytes; more data than declared means a forged header.
Status copyOut(zip_file_t* in, std::uint64_t declared, std::ofstream& out) {
    std::vector<char> buffer(1 << 16);
    std::uint64_t total = 0;
    for (;;) {
        const zip_int64_t n = zip_fread(in, buffer.data(), buffer.size());
        if (n < 0) return Error{ErrorCode::Corrupt, std::string("the archive member is damaged (") +
                                                        zip_file_strerror(in) + ")"};
        if (n == 0) break;
        total += std::uint64_t(n);
        if (total > declared || total > kMaxMemberBytes)
            return Error{ErrorCode::TooLarge, "the archive member holds more data than its header declares"};
        out.write(buffer.data(), std::streamsize(n));
        if (!out) return Error{ErrorCode::WriteFailed, "the member cannot be copied to the temporary folder"};
    }
    if (total != declared) return Error{ErrorCode::Corrupt, "the archive member is truncated"};
    return {};
}

}  // namespace

std::optional<std::pair<std::string, std::string>> splitMemberPath(const std::string& path) {
    for (auto bang = path.find(kArchiveSeparator); bang != std::string::npos;
         bang = path.find(kArchiveSeparator, bang + 1)) {
        const std::string archive = path.substr(0, bang);
        if (endsWithZip(archive) && bang + 1 < path.size()) return std::make_pair(archive, path.substr(bang + 1));
    }
    return std::nullopt;
}

std::string memberPath(const std::string& archive, const std::string& member) {
    return archive + kArchiveSeparator + member;
}

bool looksLikeZip(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char head[4] = {};
    in.read(head, sizeof head);
    return in.gcount() == 4 && (std::memcmp(head, "PK\x03\x04", 4) == 0 || std::memcmp(head, "PK\x05\x06", 4) == 0);
}

bool hasZipExtension(const std::string& path) { return endsWithZip(path); }

Result<std::unique_ptr<ZipArchive>> ZipArchive::open(const std::string& path) {
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY, &error);
    if (!zip) {
        zip_error_t e;
        zip_error_init_with_code(&e, error);
        const std::string reason = zip_error_strerror(&e);
        zip_error_fini(&e);
        const ErrorCode code = error == ZIP_ER_NOENT || error == ZIP_ER_OPEN ? ErrorCode::FileNotFound
                                                                             : ErrorCode::Corrupt;
        return Error{code, path + ": the ZIP archive cannot be opened (" + reason + ")"};
    }
    return std::unique_ptr<ZipArchive>(new ZipArchive(zip));
}

ZipArchive::~ZipArchive() { zip_discard(handle(m_zip)); }

Result<std::vector<ZipMember>> ZipArchive::members() {
    const zip_int64_t count = zip_get_num_entries(handle(m_zip), 0);
    if (count < 0) return Error{ErrorCode::Corrupt, "the archive's directory cannot be read"};
    if (std::uint64_t(count) > kMaxEntries)
        return Error{ErrorCode::TooLarge, "the archive lists more than 200,000 entries"};
    std::vector<ZipMember> out;
    for (zip_uint64_t i = 0; i < zip_uint64_t(count); ++i) {
        zip_stat_t st;
        if (zip_stat_index(handle(m_zip), i, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME)) continue;
        const std::string name = st.name;
        if (name.empty() || name.back() == '/') continue;  // a folder entry
        ZipMember m;
        m.index = i;
        m.name = name;
        m.size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
        m.compressedSize = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
        m.encrypted = (st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE;
        out.push_back(std::move(m));
    }
    return out;
}

std::optional<ZipMember> ZipArchive::find(const std::string& name) {
    auto list = members();
    if (!list) return std::nullopt;
    for (const auto& m : list.value())
        if (m.name == name) return m;
    const std::string wanted = lower(name);
    for (const auto& m : list.value())
        if (lower(m.name) == wanted) return m;
    return std::nullopt;
}

Status ZipArchive::extract(const ZipMember& member, const std::string& target) {
    if (Status limits = checkLimits(member); !limits) return limits;
    zip_file_t* in = zip_fopen_index(handle(m_zip), member.index, 0);
    if (!in) return Error{ErrorCode::Corrupt, std::string("the archive member cannot be read (") +
                                                  zip_strerror(handle(m_zip)) + ")"};
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    Status copied = out ? copyOut(in, member.size, out)
                        : Status(Error{ErrorCode::WriteFailed, "the temporary copy cannot be created"});
    zip_fclose(in);
    out.close();
    if (copied && !out) copied = Error{ErrorCode::WriteFailed, "the member cannot be copied to the temporary folder"};
    if (!copied) std::remove(target.c_str());
    return copied;
}

}  // namespace dicom::detail
