#include "dicom/detail/media_paths.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace fs = std::filesystem;

namespace dicom::detail {
namespace {

bool escapes(const std::string& component) { return component == ".." || component == "." || component.empty(); }

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::toupper(c)); });
    return s;
}

std::string keyOfPath(const std::vector<std::string>& components) {
    std::string key;
    for (const auto& c : components) key += (key.empty() ? "" : "/") + mediaComponentKey(c);
    return key;
}

}  // namespace

std::string mediaComponentKey(const std::string& component) {
    std::string c = component;
    if (const auto semicolon = c.find(';'); semicolon != std::string::npos) c.erase(semicolon);
    while (!c.empty() && c.back() == '.') c.pop_back();
    return upper(c);
}

std::optional<std::string> MediaPathResolver::matchComponent(const std::string& folder, const std::string& component) {
    std::error_code ec;
    if (fs::exists(fs::path(folder) / component, ec)) return component;
    auto [it, inserted] = m_listings.try_emplace(folder);
    if (inserted) {
        for (fs::directory_iterator d(folder, ec), end; !ec && d != end; d.increment(ec))
            it->second.emplace(mediaComponentKey(d->path().filename().string()), d->path().filename().string());
    }
    const auto match = it->second.find(mediaComponentKey(component));
    if (match == it->second.end()) return std::nullopt;
    return match->second;
}

std::optional<std::string> MediaPathResolver::resolve(const std::string& folder, const std::vector<std::string>& fileId) {
    if (fileId.empty()) return std::nullopt;
    std::string current = folder;
    for (const auto& component : fileId) {
        if (escapes(component)) return std::nullopt;
        const auto name = matchComponent(current, component);
        if (!name) return std::nullopt;
        current = (fs::path(current) / *name).string();
    }
    std::error_code ec;
    if (!fs::is_regular_file(current, ec)) return std::nullopt;
    return fs::path(current).lexically_normal().string();
}

MemberNameIndex::MemberNameIndex(const std::vector<std::string>& names) {
    for (const auto& name : names) {
        std::vector<std::string> parts;
        for (std::size_t start = 0;;) {
            const auto slash = name.find('/', start);
            parts.push_back(name.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
            if (slash == std::string::npos) break;
            start = slash + 1;
        }
        m_byKey.emplace(keyOfPath(parts), name);  // the first of names differing only in case wins
    }
}

std::optional<std::string> MemberNameIndex::resolve(const std::string& folder,
                                                    const std::vector<std::string>& fileId) const {
    if (fileId.empty() || std::any_of(fileId.begin(), fileId.end(), escapes)) return std::nullopt;
    std::vector<std::string> wanted;
    if (!folder.empty()) wanted.push_back(folder);
    wanted.insert(wanted.end(), fileId.begin(), fileId.end());
    const auto it = m_byKey.find(keyOfPath(wanted));
    if (it == m_byKey.end()) return std::nullopt;
    return it->second;
}

}  // namespace dicom::detail
