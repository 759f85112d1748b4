#include "ui/report/report_pdf.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include "ui/report/report_text.h"

namespace ui {
namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(ui::ReportPdf)
};

constexpr int kDpi = 300;
constexpr double kMarginMm = 15.0;
constexpr double kFooterMm = 12.0;

int mmToDots(double mm) {
    return int(mm / 25.4 * kDpi);
}

// One line identifying the draft on every page, so a single printed page still says where its
// text came from.
QString footerLine(const ReportDocument& doc, int page, int pages) {
    QString model = Text::tr("written without AI");
    if (const DraftRecord* draft = doc.lastDraft()) {
        const DraftProvenance& p = draft->provenance;
        const QString digest = p.weights.isEmpty() || p.weights.first().sha256.isEmpty()
                                   ? Text::tr("not recorded")
                                   : p.weights.first().sha256.left(12) + QStringLiteral("…");
        model = Text::tr("AI draft by %1, weights SHA-256 %2").arg(p.modelVariant, digest);
    }
    return Text::tr("%1 · %2 · page %3 of %4")
        .arg(statusText(doc.status), model)
        .arg(page)
        .arg(pages);
}

void addKeyImages(QTextDocument& text, const ReportDocument& doc) {
    for (int i = 0; i < doc.images.size(); ++i) {
        if (!doc.images[i].picture.isNull()) {
            text.addResource(QTextDocument::ImageResource,
                             QUrl(QStringLiteral("keyimage:%1").arg(i)), doc.images[i].picture);
        }
    }
}

void drawFooter(QPainter& painter, const QRect& area, const ReportDocument& doc, int page,
                int pages) {
    QFont font = painter.font();
    font.setPointSizeF(7.5);
    painter.setFont(font);
    painter.setPen(QColor(0x55, 0x55, 0x55));
    painter.drawLine(area.topLeft(), area.topRight());
    const QRect text = area.adjusted(0, mmToDots(1), 0, 0);
    painter.drawText(text, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                     footerLine(doc, page, pages) + QLatin1Char('\n') + researchNotice());
}

}  // namespace

bool writeReportPdf(const ReportDocument& doc, const QString& path, QString* error) {
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(kDpi);
    writer.setPageMargins(QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm / 2),
                          QPageLayout::Millimeter);
    writer.setTitle(doc.displayTitle());
    writer.setCreator(
        QStringLiteral("MedGemma Workstation %1").arg(QCoreApplication::applicationVersion()));
    QPainter painter;
    if (!painter.begin(&writer)) {
        *error = Text::tr("%1 cannot be written.").arg(QFileInfo(path).absoluteFilePath());
        return false;
    }
    const QRect page = writer.pageLayout().paintRectPixels(kDpi);
    const int bodyHeight = page.height() - mmToDots(kFooterMm);
    QTextDocument text;
    text.documentLayout()->setPaintDevice(&writer);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(10);
    text.setDefaultFont(font);
    addKeyImages(text, doc);
    text.setHtml(reportHtml(doc, true));
    text.setPageSize(QSizeF(page.width(), bodyHeight));
    const int pages = text.pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0) {
            writer.newPage();
        }
        painter.save();
        painter.translate(0, -i * bodyHeight);
        text.drawContents(&painter, QRectF(0, i * bodyHeight, page.width(), bodyHeight));
        painter.restore();
        drawFooter(painter, QRect(0, bodyHeight, page.width(), mmToDots(kFooterMm)), doc, i + 1,
                   pages);
    }
    painter.end();
    return true;
}

}  // namespace ui
