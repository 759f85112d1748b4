#include "ui/report/report_text.h"

#include <QCoreApplication>
#include <QStringList>

#include "ui/report/report_provenance.h"

namespace ui {
namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(ui::ReportText)
};

QString joinFields(const QList<QPair<QString, QString>>& fields, const QString& separator) {
    QStringList parts;
    for (const auto& [label, value] : fields) {
        parts << label + QStringLiteral(": ") + value;
    }
    return parts.join(separator);
}

QString formatTime(const QString& hhmmss) {
    return hhmmss.size() >= 4 ? hhmmss.left(2) + QLatin1Char(':') + hhmmss.mid(2, 2) : hhmmss;
}

void addField(QList<QPair<QString, QString>>& fields, const QString& label, const QString& value) {
    if (!value.trimmed().isEmpty()) {
        fields.append({label, value.trimmed()});
    }
}

QStringList allProvenanceLines(const ReportDocument& doc) {
    QStringList lines;
    for (int i = 0; i < doc.drafts.size(); ++i) {
        if (doc.drafts.size() > 1) {
            lines << Text::tr("Draft %1 of %2").arg(i + 1).arg(doc.drafts.size());
        }
        lines << provenanceLines(doc.drafts[i].provenance);
    }
    return lines;
}

}  // namespace

QString promptHeading() {
    return Text::tr("Prompt as the model read it (each <start_of_image> is one image):");
}

QString studyUidLine(const PatientStudyLink& study) {
    return Text::tr("Study Instance UID: %1").arg(study.studyInstanceUid);
}

QString reviewStatement(const ReportDocument& doc) {
    if (doc.drafts.isEmpty()) {
        return Text::tr("Written by the clinician; no AI draft was used.");
    }
    return doc.status == ReportStatus::Final
               ? Text::tr("AI generated draft, reviewed and marked final by the clinician.")
               : Text::tr("AI generated, requires review by a qualified clinician.");
}

QString researchNotice() {
    return Text::tr(
        "Research use only — not for diagnosis. AI drafts can be wrong and must be "
        "reviewed by a qualified clinician.");
}

QString statusText(ReportStatus status) {
    switch (status) {
        case ReportStatus::AiDraft:
            return Text::tr("AI draft");
        case ReportStatus::Edited:
            return Text::tr("Edited");
        case ReportStatus::Final:
            break;
    }
    return Text::tr("Final");
}

QString formatDicomDate(const QString& d) {
    return d.size() == 8
               ? d.left(4) + QLatin1Char('-') + d.mid(4, 2) + QLatin1Char('-') + d.mid(6, 2)
               : d;
}

QString formatPersonName(const QString& pn) {
    QStringList parts = pn.split(QLatin1Char('^'));
    while (!parts.isEmpty() && parts.last().trimmed().isEmpty()) {
        parts.removeLast();
    }
    return parts.size() <= 1
               ? pn
               : parts[0] + QStringLiteral(", ") + parts.mid(1).join(QLatin1Char(' '));
}

QList<QPair<QString, QString>> patientFields(const PatientStudyLink& s) {
    QList<QPair<QString, QString>> fields;
    addField(fields, Text::tr("Patient"), formatPersonName(s.patientName));
    addField(fields, Text::tr("ID"), s.patientId);
    addField(fields, Text::tr("Born"), formatDicomDate(s.birthDate));
    addField(fields, Text::tr("Sex"), s.sex);
    return fields;
}

QList<QPair<QString, QString>> studyFields(const PatientStudyLink& s) {
    QList<QPair<QString, QString>> fields;
    addField(fields, Text::tr("Study"), s.studyDescription);
    addField(fields, Text::tr("Date"),
             QString(formatDicomDate(s.studyDate) + QLatin1Char(' ') + formatTime(s.studyTime)));
    addField(fields, Text::tr("Accession"), s.accessionNumber);
    addField(fields, Text::tr("Referring"), formatPersonName(s.referringPhysician));
    return fields;
}

QString plainTextReport(const ReportDocument& doc) {
    QStringList out;
    out << QStringLiteral("%1 (%2)").arg(doc.displayTitle().toUpper(), statusText(doc.status));
    const QString patient = joinFields(patientFields(doc.study), QStringLiteral("  "));
    const QString study = joinFields(studyFields(doc.study), QStringLiteral("  "));
    for (const QString& line : {patient, study}) {
        if (!line.isEmpty()) {
            out << line;
        }
    }
    if (!doc.study.studyInstanceUid.isEmpty()) {
        out << studyUidLine(doc.study);
    }
    out << reviewStatement(doc) + QLatin1Char(' ') + researchNotice() << QString();
    for (const SectionText& section : doc.sections()) {
        const QString heading = sectionHeading(section);
        if (!heading.isEmpty()) {
            out << heading.toUpper();
        }
        out << section.text << QString();
    }
    const QStringList provenance = allProvenanceLines(doc);
    if (!provenance.isEmpty()) {
        out << Text::tr("Provenance") << provenance;
    }
    for (const DraftRecord& draft : doc.drafts) {
        out << QString() << promptHeading() << draft.provenance.renderedPrompt;
    }
    return out.join(QLatin1Char('\n')).trimmed() + QLatin1Char('\n');
}

QString markdownReport(const ReportDocument& doc) {
    QStringList out;
    out << QStringLiteral("# %1 (%2)").arg(doc.displayTitle(), statusText(doc.status)) << QString();
    auto fields = patientFields(doc.study) + studyFields(doc.study);
    addField(fields, Text::tr("Study UID"), doc.study.studyInstanceUid);
    if (!fields.isEmpty()) {
        out << QStringLiteral("| | |") << QStringLiteral("|---|---|");
        for (const auto& [label, value] : fields) {
            out << QStringLiteral("| %1 | %2 |")
                       .arg(label, QString(value).replace(QLatin1Char('|'), QStringLiteral("\\|")));
        }
        out << QString();
    }
    out << QStringLiteral("> **%1** %2").arg(reviewStatement(doc), researchNotice()) << QString();
    for (const SectionText& section : doc.sections()) {
        const QString heading = sectionHeading(section);
        if (!heading.isEmpty()) {
            out << QStringLiteral("## ") + heading << QString();
        }
        out << section.text << QString();
    }
    const QStringList provenance = allProvenanceLines(doc);
    if (!provenance.isEmpty()) {
        out << QStringLiteral("## ") + Text::tr("Provenance") << QString();
        for (const QString& line : provenance) {
            out << QStringLiteral("- ") + line;
        }
    }
    for (const DraftRecord& draft : doc.drafts) {
        out << QString() << promptHeading() << QString() << QStringLiteral("````text")
            << draft.provenance.renderedPrompt << QStringLiteral("````");
    }
    return out.join(QLatin1Char('\n')).trimmed() + QLatin1Char('\n');
}

}  // namespace ui
