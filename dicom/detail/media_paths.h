#pragma once
// Turning a DICOMDIR's Referenced File ID (upper-case ISO 9660 components, e.g.
// {"IMAGES", "IM0001"}) into a file that exists. Media are often copied or mounted with
// lower-case names or ISO 9660 version suffixes (";1"), so components match ignoring case and
// such suffixes when the exact name does not exist.
// Thread-safety: a MediaPathResolver is used by one thread; it caches folder listings.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dicom::detail {

// "IM0001;1" -> "IM0001", "IM0001." -> "IM0001", upper-cased: the form components compare in.
std::string mediaComponentKey(const std::string& component);

class MediaPathResolver {
public:
    // `folder`: the folder that holds the DICOMDIR. The result is a lexically normal path, or
    // nullopt when no such file exists (or a component tries to leave the folder).
    std::optional<std::string> resolve(const std::string& folder, const std::vector<std::string>& fileId);

private:
    std::optional<std::string> matchComponent(const std::string& folder, const std::string& component);
    std::map<std::string, std::map<std::string, std::string>> m_listings;  // folder -> key -> name
};

// The same for a DICOMDIR inside an archive, over the archive's member names.
class MemberNameIndex {
public:
    explicit MemberNameIndex(const std::vector<std::string>& names);
    // `folder`: the DICOMDIR member's folder inside the archive ("" at the top). Returns the
    // member name.
    std::optional<std::string> resolve(const std::string& folder, const std::vector<std::string>& fileId) const;

private:
    std::map<std::string, std::string> m_byKey;  // key of every component -> member name
};

}  // namespace dicom::detail
