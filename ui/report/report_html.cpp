// reportHtml: the body the PDF lays out and the clipboard's rich text carries.
#include <QCoreApplication>
#include <QStringList>

#include "ui/report/report_pdf.h"
#include "ui/report/report_provenance.h"
#include "ui/report/report_text.h"
#include "ui/report/word_diff.h"

namespace ui {
namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(ui::ReportPdf)
};

// The longest side of a key image in CSS pixels (1/96 inch; QTextDocument scales them to the
// device): about 6 cm, two images side by side.
constexpr int kImageSide = 220;

QString esc(const QString& text) {
    return text.toHtmlEscaped();
}

QString paragraphs(const QString& text) {
    return QStringLiteral("<p>") + esc(text).replace(QLatin1Char('\n'), QStringLiteral("<br>")) +
           QStringLiteral("</p>");
}

QString fieldRow(const QList<QPair<QString, QString>>& fields) {
    QString row = QStringLiteral("<tr>");
    for (const auto& [label, value] : fields) {
        row += QStringLiteral("<td><span style='color:#555'>%1</span><br><b>%2</b></td>")
                   .arg(esc(label), esc(value));
    }
    return row + QStringLiteral("</tr>");
}

QString titleBlock(const ReportDocument& doc) {
    QString html =
        QStringLiteral("<h1>%1 <span style='font-size:small; color:#7a2e12'>%2</span></h1>")
            .arg(esc(doc.displayTitle()), esc(statusText(doc.status)));
    const auto patient = patientFields(doc.study);
    const auto study = studyFields(doc.study);
    if (!patient.isEmpty() || !study.isEmpty()) {
        html += QStringLiteral(
                    "<table width='100%' cellspacing='0' cellpadding='4' "
                    "style='background:#f2f2f2'>") +
                fieldRow(patient) + fieldRow(study) + QStringLiteral("</table>");
    }
    if (!doc.study.studyInstanceUid.isEmpty()) {
        html += QStringLiteral("<p style='font-size:small; color:#555'>%1</p>")
                    .arg(esc(studyUidLine(doc.study)));
    }
    return html + QStringLiteral(
                      "<table width='100%' cellpadding='6' style='margin-top:8px'><tr>"
                      "<td style='background:#7a2e12; color:white'><b>%1</b> %2</td></tr></table>")
                      .arg(esc(reviewStatement(doc)), esc(researchNotice()));
}

QString sectionsHtml(const ReportDocument& doc) {
    QString html;
    for (const SectionText& section : doc.sections()) {
        const QString heading = sectionHeading(section);
        if (!heading.isEmpty()) {
            html += QStringLiteral("<h2>%1</h2>").arg(esc(heading));
        }
        html += paragraphs(section.text);
    }
    return html;
}

QString imageCaption(const ImageLink& image) {
    QString caption = esc(image.label);
    if (!image.region.isEmpty()) {
        caption += esc(
            Text::tr(" (region %1×%2 px)").arg(image.region.width()).arg(image.region.height()));
    }
    return caption + QStringLiteral("<br><span style='font-size:small; color:#555'>%1</span>")
                         .arg(esc(image.recipe));
}

QString keyImagesHtml(const ReportDocument& doc) {
    QStringList cells;
    for (int i = 0; i < doc.images.size(); ++i) {
        if (!doc.images[i].picture.isNull()) {
            const QSize size =
                doc.images[i].picture.size().scaled(kImageSide, kImageSide, Qt::KeepAspectRatio);
            cells << QStringLiteral(
                         "<td width='50%' align='center'><img src='keyimage:%1' width='%2' "
                         "height='%3'><br>%4</td>")
                         .arg(i)
                         .arg(size.width())
                         .arg(size.height())
                         .arg(imageCaption(doc.images[i]));
        }
    }
    if (cells.isEmpty()) {
        return {};
    }
    QString html = QStringLiteral("<h2>%1</h2><table width='100%' cellpadding='4'>")
                       .arg(esc(Text::tr("Key images")));
    for (int i = 0; i < cells.size(); i += 2) {
        html += QStringLiteral("<tr>") + cells[i] +
                (i + 1 < cells.size() ? cells[i + 1] : QString()) + QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

// What the clinician changed in the model's text, word by word.
QString changesHtml(const ReportDocument& doc) {
    const ReportVersion* ai = doc.lastAiVersion();
    if (!ai || ai->text == doc.text) {
        return {};
    }
    const QList<DiffOp> ops = wordDiff(ai->text, doc.text);
    const DiffSummary s = summariseDiff(ops);
    return QStringLiteral(
               "<h2>%1</h2><p style='font-size:small'>%2</p><p style='font-size:small'>%3</p>")
        .arg(esc(Text::tr("Changes from the AI draft")),
             esc(Text::tr("%n word(s) added, ", nullptr, s.insertedWords) +
                 Text::tr("%n removed, ", nullptr, s.deletedWords) +
                 Text::tr("%n kept.", nullptr, s.equalWords)),
             diffHtml(ops));
}

QString provenanceHtml(const ReportDocument& doc) {
    if (doc.drafts.isEmpty()) {
        return {};
    }
    QString html = QStringLiteral("<h2>%1</h2>").arg(esc(Text::tr("How this draft was made")));
    for (const DraftRecord& draft : doc.drafts) {
        html += QStringLiteral("<ul style='font-size:small'>");
        for (const QString& line : provenanceLines(draft.provenance)) {
            html += QStringLiteral("<li>%1</li>").arg(esc(line));
        }
        // pre-wrap: the full prompt must be readable, and a <pre> line runs off the page.
        html += QStringLiteral(
                    "</ul><p style='font-size:small'>%1</p>"
                    "<pre style='font-size:7pt; white-space:pre-wrap'>%2</pre>")
                    .arg(esc(promptHeading()), esc(draft.provenance.renderedPrompt));
    }
    return html;
}

}  // namespace

QString reportHtml(const ReportDocument& doc, bool withImages) {
    return QStringLiteral("<html><body>") + titleBlock(doc) + sectionsHtml(doc) +
           (withImages ? keyImagesHtml(doc) : QString()) + changesHtml(doc) + provenanceHtml(doc) +
           QStringLiteral("</body></html>");
}

}  // namespace ui
