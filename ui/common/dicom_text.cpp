#include "ui/common/dicom_text.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QStringList>

namespace ui {
namespace {

// The translation context of the texts in this file.
class Text {
    Q_DECLARE_TR_FUNCTIONS(ui::DicomText)
};

}  // namespace

QString fromDicom(const std::string& utf8) { return QString::fromStdString(utf8).trimmed(); }

QString personName(const std::string& dicomPersonName) {
    // Only the alphabetic component group (before any '=') is shown.
    const QString alphabetic = fromDicom(dicomPersonName).section(QLatin1Char('='), 0, 0);
    QStringList parts = alphabetic.split(QLatin1Char('^'));
    while (!parts.isEmpty() && parts.last().trimmed().isEmpty()) {
        parts.removeLast();
    }
    if (parts.isEmpty()) {
        return Text::tr("(no name)");
    }
    const QString family = parts.takeFirst().trimmed();
    QStringList rest;
    for (const QString& p : parts) {
        if (!p.trimmed().isEmpty()) {
            rest << p.trimmed();
        }
    }
    return rest.isEmpty() ? family : family + QStringLiteral(", ") + rest.join(QLatin1Char(' '));
}

QString dicomDate(const std::string& yyyymmdd) {
    const QDate date = QDate::fromString(fromDicom(yyyymmdd).left(8), QStringLiteral("yyyyMMdd"));
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : fromDicom(yyyymmdd);
}

QString seriesTitle(const dicom::SeriesInfo& series) {
    int images = 0;
    for (const auto& instance : series.instances) {
        images += std::max(1, instance.frames);
    }
    QString title = fromDicom(series.modality);
    if (series.seriesNumber > 0) {
        title += QStringLiteral(" #%1").arg(series.seriesNumber);
    }
    if (!series.description.empty()) {
        title += QStringLiteral(" — ") + fromDicom(series.description);
    }
    return title + QStringLiteral(" (%1)").arg(images);
}

QString spacingText(const dicom::PixelSpacing& spacing) {
    QString source;
    switch (spacing.source) {
        case dicom::SpacingSource::None:
            return Text::tr("No pixel spacing");
        case dicom::SpacingSource::PixelSpacing:
            source = Text::tr("Pixel Spacing");
            break;
        case dicom::SpacingSource::ImagerPixelSpacing:
            source = Text::tr("detector, not calibrated");
            break;
        case dicom::SpacingSource::NominalScannedPixelSpacing:
            source = Text::tr("nominal scanned");
            break;
        case dicom::SpacingSource::Calibrated:
            source = Text::tr("calibrated");
            break;
    }
    return Text::tr("%1 × %2 mm (%3)")
        .arg(QLocale().toString(spacing.row, 'f', 2), QLocale().toString(spacing.column, 'f', 2),
             source);
}

}  // namespace ui
