// dumpTags: the attribute tree of one DICOM file, as UTF-8 text.
#include "dicom/tag_dump.h"

#include <cstdio>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>

#include "dicom/detail/charset_convert.h"
#include "dicom/detail/dataset_fields.h"
#include "dicom/detail/dicom_file.h"
#include "dicom/detail/member_store.h"
#include "dicom/detail/tag_tree.h"

namespace dicom {
namespace {

// Names and descriptions become UTF-8; the tree then shows what the file declared, not the
// "ISO_IR 192" the conversion leaves behind.
bool convertToUtf8(DcmFileFormat& file) { return detail::convertToUtf8(*file.getDataset()); }

void restoreDeclared(std::vector<TagNode>& dataset, const std::string& declared) {
    for (auto& node : dataset)
        if (node.group == 0x0008 && node.element == 0x0005) node.value = declared;
}

}  // namespace

std::string TagNode::tagText() const {
    char text[16];
    std::snprintf(text, sizeof text, "(%04X,%04X)", unsigned(group), unsigned(element));
    return text;
}

Result<TagDump> dumpTags(const std::string& path, const TagDumpOptions& options) {
    const auto local = detail::localPathFor(path);
    if (!local) return local.error();
    auto opened = detail::openDicomFile(local.value());
    if (!opened) return detail::renamePath(opened.error(), local.value(), path);
    DcmFileFormat& file = *opened.value();
    TagDump dump;
    dump.specificCharacterSet = detail::allValues(*file.getDataset(), DCM_SpecificCharacterSet);
    dump.characterSetConverted = convertToUtf8(file);
    detail::TagTreeBuilder builder(options);
    dump.fileMeta = builder.build(*file.getMetaInfo());
    dump.dataset = builder.build(*file.getDataset());
    restoreDeclared(dump.dataset, dump.specificCharacterSet);
    dump.limited = builder.limited();
    return dump;
}

}  // namespace dicom
