#include "deid_fixture.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include <sys/wait.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcvr.h>

#include "synthetic_dicom.h"

namespace deidfixture {
namespace {

const char* stringFor(DcmEVR vr) {
    switch (vr) {
    case EVR_DA: return "19710203";
    case EVR_TM: return "101112";
    case EVR_DT: return "19710203101112";
    case EVR_AS: return "051Y";
    case EVR_DS: return "4711.5";
    case EVR_IS: return "4711";
    case EVR_UI: return "1.2.826.0.1.3680043.10.1234.4711";
    case EVR_PN: return "Zqxsecret^Zqxperson";
    case EVR_AE: return "ZQXSTATION";
    case EVR_CS: return "ZQXCODE";
    case EVR_UR: return "http://zqx.invalid/secret";
    default: return "Zqx secret text for Zqxname Zqxgiven";
    }
}

bool isString(DcmEVR vr) {
    switch (vr) {
    case EVR_AE: case EVR_AS: case EVR_CS: case EVR_DA: case EVR_DS: case EVR_DT: case EVR_IS: case EVR_LO:
    case EVR_LT: case EVR_PN: case EVR_SH: case EVR_ST: case EVR_TM: case EVR_UC: case EVR_UI: case EVR_UR:
    case EVR_UT:
        return true;
    default:
        return false;
    }
}

}  // namespace

bool writeImage(const std::string& path, const std::function<void(DcmDataset&)>& edit) {
    synthetic::PixelSpec spec;
    spec.rows = spec.columns = 4;
    synthetic::Identity id;
    id.patientName = kPatientName;
    id.patientId = kPatientId;
    DcmFileFormat file;
    DcmDataset& ds = *file.getDataset();
    synthetic::putIdentity(ds, id);
    ds.putAndInsertString(DCM_PatientBirthDate, kBirthDate);
    synthetic::putPixels(ds, spec, synthetic::packSamples(spec, synthetic::patternSamples(spec)));
    if (edit) edit(ds);
    return synthetic::save(file, path, EXS_LittleEndianExplicit);
}

static std::optional<std::string> plantValue(DcmItem& item, const DcmTagKey& key) {
    DcmTag tag(key);
    const DcmEVR vr = tag.getEVR();
    if (vr == EVR_SQ) {
        DcmItem* child = nullptr;
        if (item.findOrCreateSequenceItem(key, child, -2).bad() || !child) return std::nullopt;
        child->putAndInsertString(DCM_ReferencedSOPClassUID, UID_CTImageStorage);
        child->putAndInsertString(DCM_ReferencedSOPInstanceUID, stringFor(EVR_UI));
        return std::string(stringFor(EVR_UI));
    }
    if (isString(vr)) {
        if (item.putAndInsertString(tag, stringFor(vr)).bad()) return std::nullopt;
        return std::string(stringFor(vr));
    }
    switch (vr) {
    case EVR_US: return item.putAndInsertUint16(tag, 4711).good() ? std::optional<std::string>("4711") : std::nullopt;
    case EVR_SS: return item.putAndInsertSint16(tag, 4711).good() ? std::optional<std::string>("4711") : std::nullopt;
    case EVR_UL: return item.putAndInsertUint32(tag, 4711).good() ? std::optional<std::string>("4711") : std::nullopt;
    case EVR_SL: return item.putAndInsertSint32(tag, 4711).good() ? std::optional<std::string>("4711") : std::nullopt;
    case EVR_FD: return item.putAndInsertFloat64(tag, 4711).good() ? std::optional<std::string>("4711") : std::nullopt;
    case EVR_FL: return item.putAndInsertFloat32(tag, 4711).good() ? std::optional<std::string>("4711") : std::nullopt;
    case EVR_OB: case EVR_OW: case EVR_UN: {
        const std::string bytes = "ZQXBINARYSECRET!";
        item.putAndInsertUint8Array(tag, reinterpret_cast<const Uint8*>(bytes.data()), Uint32(bytes.size()));
        return bytes;
    }
    default: return std::nullopt;
    }
}

std::optional<std::string> plant(DcmItem& item, const DcmTagKey& key) {
    auto planted = plantValue(item, key);
    if (planted && !item.tagExists(key)) return std::nullopt;  // DCMTK would not hold that VR
    return planted;
}

std::unique_ptr<DcmFileFormat> load(const std::string& path) {
    auto file = std::make_unique<DcmFileFormat>();
    if (file->loadFile(path.c_str()).bad()) return nullptr;
    return file;
}

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::string text(DcmItem& item, const DcmTagKey& tag) {
    OFString value;
    if (item.findAndGetOFStringArray(tag, value).bad()) return {};
    return value.c_str();
}

std::optional<std::vector<std::string>> dciodvfyErrors(const std::string& path) {
    const std::string command = "dciodvfy '" + path + "' 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return std::nullopt;
    std::string output;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
    const int status = pclose(pipe);
    if (status == -1 || (WIFEXITED(status) && WEXITSTATUS(status) == 127)) return std::nullopt;
    std::vector<std::string> errors;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind("Error", 0) == 0) errors.push_back(line);
    return errors;
}

}  // namespace deidfixture
