#pragma once
// Every attribute of a DICOM file as a tree of plain values, for the metadata panel and the
// CLI: tag, keyword, VR and the value as UTF-8 text (names and descriptions converted from the
// file's Specific Character Set), sequences with their items as children. Long and binary
// values are summarised or truncated; pixel data are never read.
// Thread-safety: dumpTags is re-entrant; call it from a worker thread (it reads the file).

#include <cstdint>
#include <string>
#include <vector>

#include "dicom/result.h"

namespace dicom {

struct TagNode {
    std::uint16_t group = 0;
    std::uint16_t element = 0;
    std::string keyword;     // e.g. "PatientName"; "Item" for a sequence item; empty if unknown
    std::string vr;          // e.g. "PN", "SQ"; empty for items
    std::string value;       // UTF-8; "3 items" for sequences, "(binary, 524288 bytes)" etc.
    std::uint64_t length = 0;  // value length in bytes as stored (0xFFFFFFFF: undefined)
    bool truncated = false;  // `value` shows only the start (or the first values)
    std::vector<TagNode> children;  // items of a sequence; attributes of an item

    std::string tagText() const;  // "(0010,0010)"
};

struct TagDump {
    std::vector<TagNode> fileMeta;       // group 0002, when the file has a meta header
    std::vector<TagNode> dataset;
    std::string specificCharacterSet;    // as declared in the file, e.g. "ISO 2022 IR 87"
    bool characterSetConverted = true;   // false: the toolkit could not convert it; text that
                                         // is not UTF-8 then shows replacement characters
    bool limited = false;                // the node limit cut the tree short
};

struct TagDumpOptions {
    std::size_t maxValueBytes = 256;   // text values are cut (at a character boundary) beyond
    std::size_t maxValues = 16;        // numeric values shown of a multi-valued attribute
    std::size_t maxNodes = 100000;     // attributes and items in total
    int maxDepth = 32;                 // nested sequences
};

// `path`: a DICOM file or "archive.zip!member". Errors as dicom::decodeFrame's file errors
// (FileNotFound, NotDicom, Corrupt), messages "<path>: <reason>".
Result<TagDump> dumpTags(const std::string& path, const TagDumpOptions& options = {});

}  // namespace dicom
