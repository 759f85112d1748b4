#include "ui/report/report_sr.h"

#include <QCoreApplication>
#include <QFileInfo>

#include "ui/report/report_provenance.h"
#include "ui/report/report_text.h"

namespace ui {
namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(ui::ReportSr)
};

std::string s(const QString& text) {
    return text.toStdString();
}

dicom::SrSectionKind kindOf(SectionKind kind) {
    switch (kind) {
        case SectionKind::Findings:
            return dicom::SrSectionKind::Findings;
        case SectionKind::Impression:
            return dicom::SrSectionKind::Impression;
        case SectionKind::Other:
            break;
    }
    return dicom::SrSectionKind::Other;
}

dicom::SrPatientStudy patientStudy(const PatientStudyLink& l) {
    return {s(l.patientName),
            s(l.patientId),
            s(l.birthDate),
            s(l.sex),
            s(l.studyInstanceUid),
            s(l.studyId),
            s(l.accessionNumber),
            s(l.studyDate),
            s(l.studyTime).substr(0, 6),
            s(l.studyDescription),
            s(l.referringPhysician)};
}

// The sections; text before any heading becomes a free section titled "Report".
std::vector<dicom::SrSection> sections(const ReportDocument& doc) {
    std::vector<dicom::SrSection> out;
    for (const SectionText& section : doc.sections()) {
        const QString title =
            section.title.isEmpty() ? Text::tr("Report") : sectionHeading(section);
        out.push_back({kindOf(section.kind), s(title), s(section.text)});
    }
    return out;
}

std::vector<dicom::SrReference> evidence(const ReportDocument& doc) {
    std::vector<dicom::SrReference> out;
    for (const ImageLink& image : doc.images) {
        if (image.sopClassUid.isEmpty() || image.seriesInstanceUid.isEmpty()) {
            continue;  // a photograph without DICOM identity
        }
        out.push_back({s(image.studyInstanceUid), s(image.seriesInstanceUid), s(image.sopClassUid),
                       s(image.sopInstanceUid), image.frameCount > 1 ? image.frame + 1 : 0});
    }
    return out;
}

dicom::SrProvenance provenance(const ReportDocument& doc) {
    dicom::SrProvenance out;
    const DraftRecord* draft = doc.lastDraft();
    if (!draft) {
        return out;
    }
    const DraftProvenance& p = draft->provenance;
    out.algorithmName = s(p.modelVariant);
    out.algorithmVersion =
        s(p.modelId + QStringLiteral(", ") + p.dtype + QStringLiteral(", ") + p.device);
    out.algorithmParameters = s(samplingLine(p.sampling));
    for (const QString& line : weightLines(p)) {
        out.details.push_back({"Weight file", s(line)});
    }
    out.details.push_back({"Prompt template", s(p.templateName)});
    for (const DraftImage& image : p.images) {
        out.details.push_back({"Input image", s(inputLine(image))});
    }
    out.details.push_back({"Prompt", s(p.renderedPrompt)});
    out.details.push_back({"Model output", s(draft->output)});
    out.details.push_back(
        {"Draft time", s(isoUtc(p.started) + QStringLiteral(" - ") + isoUtc(p.finished))});
    out.details.push_back({"Application version", s(p.applicationVersion)});
    return out;
}

QString firstSourceFile(const ReportDocument& doc) {
    for (const ImageLink& image : doc.images) {
        if (!image.sourcePath.isEmpty() && QFileInfo::exists(image.sourcePath) &&
            image.studyInstanceUid == doc.study.studyInstanceUid) {
            return image.sourcePath;
        }
    }
    return {};
}

}  // namespace

dicom::SrReport toSrReport(const ReportDocument& doc, bool deidentified) {
    dicom::SrReport sr;
    sr.deidentified = deidentified;
    sr.sourceFile = deidentified ? std::string() : s(firstSourceFile(doc));
    sr.patientStudy = patientStudy(doc.study);
    sr.sections = sections(doc);
    sr.evidence = evidence(doc);
    if (const DraftRecord* draft = doc.lastDraft()) {
        sr.device.name = s(draft->provenance.modelVariant);
        sr.device.manufacturer = "Google";
        sr.device.modelName = s(draft->provenance.modelId);
    } else {
        sr.device.name = "MedGemma Workstation";
    }
    sr.reviewStatement = s(reviewStatement(doc) + QLatin1Char(' ') + researchNotice());
    sr.provenance = provenance(doc);
    sr.language = s(doc.language.isEmpty() ? QStringLiteral("en") : doc.language);
    sr.manufacturer = "MedGemma Workstation";
    sr.softwareVersion = s(QCoreApplication::applicationVersion());
    sr.complete = doc.status == ReportStatus::Final;
    return sr;
}

bool writeReportSr(const ReportDocument& doc, bool deidentified, const QString& path,
                   QString* error) {
    if (doc.study.studyInstanceUid.isEmpty()) {
        *error = Text::tr(
            "The report is not linked to a DICOM study; draft it from DICOM images "
            "to export a structured report.");
        return false;
    }
    const dicom::Status written = dicom::writeSrReport(toSrReport(doc, deidentified), s(path));
    if (!written) {
        *error = QString::fromStdString(written.error().message);
    }
    return written.ok();
}

}  // namespace ui
