#pragma once
// Replacement UIDs for de-identification (action U): the same original UID always becomes the
// same new UID within one run, so references between the files of a study (Study, Series,
// Frame of Reference, Referenced SOP Instance UIDs) stay consistent, while the originals cannot
// be recovered without the run's secret. New UIDs are "2.25." + 128 bits of
// SHA-256(secret, original) in decimal (PS3.5 B.2: UUID-derived UIDs, at most 44 characters).
// Thread-safety: immutable after construction; map() may be called from any thread.

#include <string>

namespace dicom::detail {

class UidMapper {
public:
    // An empty secret draws a random one, so two runs give unrelated UIDs.
    explicit UidMapper(std::string secret = {});

    std::string map(const std::string& uid) const;

private:
    std::string m_secret;
};

}  // namespace dicom::detail
