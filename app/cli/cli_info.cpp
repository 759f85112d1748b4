// medgemma-cli info PATH... [--json]: the patient/study/series/instance tree of what the
// workstation would open, with per-file errors.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "command.h"
#include "dicom/geometry.h"
#include "dicom/loader.h"

namespace app::cli {
namespace {

constexpr const char* kUsage =
    "Usage: medgemma-cli info PATH... [--json]\n\n"
    "Reads the headers of the DICOM files and photographs in PATH (files, or folders searched\n"
    "recursively) and prints the patient / study / series / instance tree: UIDs, modality,\n"
    "rows, columns, frames, photometric interpretation, bits, transfer syntax and pixel spacing,\n"
    "then one line per file that could not be read, with the reason.\n\n"
    "Options:\n"
    "  --json   print the same as one JSON document on standard output\n\n"
    "Exit status: 0 if at least one instance was read, 1 if none was, 2 on wrong arguments.\n";

QString q(const std::string& s) { return QString::fromStdString(s); }

std::string spacingText(const dicom::PixelSpacing& s) { return dicom::describeSpacing(s); }

QJsonObject instanceJson(const dicom::InstanceInfo& i) {
    QJsonObject o;
    o.insert(QStringLiteral("path"), q(i.path));
    o.insert(QStringLiteral("kind"), i.kind == dicom::SourceKind::Photograph ? QStringLiteral("photograph")
                                                                             : QStringLiteral("dicom"));
    o.insert(QStringLiteral("sopInstanceUid"), q(i.sopInstanceUid));
    o.insert(QStringLiteral("sopClassUid"), q(i.sopClassUid));
    o.insert(QStringLiteral("instanceNumber"), i.instanceNumber);
    o.insert(QStringLiteral("rows"), i.rows);
    o.insert(QStringLiteral("columns"), i.columns);
    o.insert(QStringLiteral("frames"), i.frames);
    o.insert(QStringLiteral("samplesPerPixel"), i.samplesPerPixel);
    o.insert(QStringLiteral("bitsAllocated"), i.bitsAllocated);
    o.insert(QStringLiteral("bitsStored"), i.bitsStored);
    o.insert(QStringLiteral("pixelSigned"), i.pixelSigned);
    o.insert(QStringLiteral("photometricInterpretation"), q(i.photometric));
    o.insert(QStringLiteral("transferSyntaxUid"), q(i.transferSyntax));
    o.insert(QStringLiteral("transferSyntaxName"), q(i.transferSyntaxName));
    o.insert(QStringLiteral("spacing"), QJsonArray{i.spacing.row, i.spacing.column});
    o.insert(QStringLiteral("spacingSource"), q(spacingText(i.spacing)));
    o.insert(QStringLiteral("hasPixelData"), i.hasPixelData);
    return o;
}

QJsonObject seriesJson(const dicom::SeriesInfo& s) {
    QJsonArray instances;
    for (const auto& i : s.instances) instances.append(instanceJson(i));
    return {{QStringLiteral("seriesInstanceUid"), q(s.seriesInstanceUid)},
            {QStringLiteral("seriesNumber"), s.seriesNumber},
            {QStringLiteral("modality"), q(s.modality)},
            {QStringLiteral("description"), q(s.description)},
            {QStringLiteral("instances"), instances}};
}

QJsonObject studyJson(const dicom::StudyInfo& s) {
    QJsonArray series;
    for (const auto& r : s.series) series.append(seriesJson(r));
    return {{QStringLiteral("studyInstanceUid"), q(s.studyInstanceUid)}, {QStringLiteral("studyId"), q(s.studyId)},
            {QStringLiteral("accessionNumber"), q(s.accessionNumber)}, {QStringLiteral("date"), q(s.date)},
            {QStringLiteral("description"), q(s.description)},        {QStringLiteral("series"), series}};
}

void printJson(const dicom::Collection& c) {
    QJsonArray patients, errors;
    for (const auto& p : c.patients) {
        QJsonArray studies;
        for (const auto& s : p.studies) studies.append(studyJson(s));
        const QString kind = p.kind == dicom::SourceKind::Photograph ? QStringLiteral("photograph")
                                                                      : QStringLiteral("dicom");
        patients.append(QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("patientId"), q(p.patientId)},
                                    {QStringLiteral("name"), q(p.name)}, {QStringLiteral("studies"), studies}});
    }
    for (const auto& e : c.errors)
        errors.append(QJsonObject{{QStringLiteral("path"), q(e.path)}, {QStringLiteral("message"), q(e.message)}});
    const QJsonObject root{{QStringLiteral("patients"), patients},
                           {QStringLiteral("errors"), errors},
                           {QStringLiteral("instanceCount"), double(c.instanceCount())}};
    std::cout << QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
}

void printInstance(const dicom::InstanceInfo& i) {
    std::cout << "      " << i.path << "\n        instance " << i.instanceNumber << ", " << i.columns << " x "
              << i.rows << " pixels, " << i.frames << (i.frames == 1 ? " frame, " : " frames, ") << i.photometric
              << ", " << i.bitsStored << "/" << i.bitsAllocated << " bits" << (i.pixelSigned ? " signed" : "")
              << "\n        " << i.transferSyntaxName
              << (i.transferSyntax.empty() ? "" : " (" + i.transferSyntax + ")") << "; spacing "
              << spacingText(i.spacing) << "\n        SOP Instance UID " << i.sopInstanceUid << "\n";
}

void printText(const dicom::Collection& c) {
    for (const auto& p : c.patients) {
        if (p.kind == dicom::SourceKind::Photograph) {
            std::cout << "Photographs (no patient data)";
        } else {
            std::cout << "Patient " << p.name;
            if (p.patientId != p.name) std::cout << " (ID " << p.patientId << ")";
        }
        std::cout << "\n";
        for (const auto& s : p.studies) {
            std::cout << "  Study " << s.studyInstanceUid << " " << s.date << " \"" << s.description << "\"\n";
            for (const auto& r : s.series) {
                std::cout << "    Series " << r.seriesInstanceUid << " #" << r.seriesNumber << " " << r.modality
                          << " \"" << r.description << "\", " << r.instances.size() << " instance(s)\n";
                for (const auto& i : r.instances) printInstance(i);
            }
        }
    }
    for (const auto& e : c.errors) std::cout << "Error: " << e.path << ": " << e.message << "\n";
    std::cout << c.instanceCount() << " instance(s) read, " << c.errors.size() << " file(s) with errors\n";
}

int run(const std::vector<std::string>& args) {
    std::vector<std::string> paths;
    bool json = false;
    for (const auto& a : args) {
        if (a == "--json") {
            json = true;
        } else if (!a.empty() && a[0] == '-') {
            std::cerr << "medgemma-cli info: unknown option '" << a << "'\n" << kUsage;
            return 2;
        } else {
            paths.push_back(a);
        }
    }
    if (paths.empty()) {
        std::cerr << kUsage;
        return 2;
    }
    const dicom::Collection collection = dicom::scanPaths(paths);
    if (json)
        printJson(collection);
    else
        printText(collection);
    return collection.instanceCount() > 0 ? 0 : 1;
}

const CommandRegistration registration({
    "info",
    "print the patient/study/series/instance tree of DICOM files and photographs",
    kUsage,
    run,
});

}  // namespace
}  // namespace app::cli
