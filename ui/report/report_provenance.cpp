#include "ui/report/report_provenance.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QRegularExpression>

namespace ui {
namespace {

// The translation context of the lines people read.
class Text {
    Q_DECLARE_TR_FUNCTIONS(ui::ReportProvenance)
};

QDateTime timeFromJson(const QJsonValue& value) {
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

DraftSampling samplingFromJson(const QJsonObject& o) {
    DraftSampling s;
    s.temperature = o.value(QStringLiteral("temperature")).toDouble(s.temperature);
    s.topK = o.value(QStringLiteral("topK")).toInt(s.topK);
    s.topP = o.value(QStringLiteral("topP")).toDouble(s.topP);
    s.minP = o.value(QStringLiteral("minP")).toDouble(s.minP);
    s.repetitionPenalty =
        o.value(QStringLiteral("repetitionPenalty")).toDouble(s.repetitionPenalty);
    s.seed = o.value(QStringLiteral("seed")).toString().toULongLong();
    s.maxNewTokens = o.value(QStringLiteral("maxNewTokens")).toInt(s.maxNewTokens);
    return s;
}

QList<DraftImage> inputsFromJson(const QJsonArray& array) {
    QList<DraftImage> images;
    for (const QJsonValue& v : array) {
        const QJsonObject o = v.toObject();
        DraftImage image;
        image.sopInstanceUid = o.value(QStringLiteral("sopInstanceUid")).toString();
        image.frame = o.value(QStringLiteral("frame")).toInt();
        image.region = regionFromJson(o.value(QStringLiteral("region")));
        image.recipe = o.value(QStringLiteral("recipe")).toString();
        image.sourceLabel = o.value(QStringLiteral("label")).toString();
        images << image;
    }
    return images;
}

void readModel(const QJsonObject& m, DraftProvenance& p) {
    p.modelId = m.value(QStringLiteral("id")).toString();
    p.modelVariant = m.value(QStringLiteral("variant")).toString();
    p.dtype = m.value(QStringLiteral("dtype")).toString();
    p.device = m.value(QStringLiteral("device")).toString();
    for (const QJsonValue& v : m.value(QStringLiteral("weights")).toArray()) {
        const QJsonObject w = v.toObject();
        p.weights << WeightDigest{w.value(QStringLiteral("path")).toString(),
                                  qint64(w.value(QStringLiteral("bytes")).toDouble()),
                                  w.value(QStringLiteral("sha256")).toString()};
    }
}

}  // namespace

QString isoUtc(const QDateTime& time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonValue regionToJson(const QRect& region) {
    if (region.isEmpty()) {
        return QJsonValue::Null;
    }
    return QJsonArray{region.x(), region.y(), region.width(), region.height()};
}

QRect regionFromJson(const QJsonValue& value) {
    const QJsonArray a = value.toArray();
    return a.size() == 4 ? QRect(a[0].toInt(), a[1].toInt(), a[2].toInt(), a[3].toInt()) : QRect();
}

QString templateId(const QString& templateName) {
    static const QRegularExpression pattern(QStringLiteral("^(\\S+) v\\d+"));
    const QRegularExpressionMatch m = pattern.match(templateName);
    return m.hasMatch() ? m.captured(1) : templateName;
}

int templateVersion(const QString& templateName) {
    static const QRegularExpression pattern(QStringLiteral("^\\S+ v(\\d+)"));
    const QRegularExpressionMatch m = pattern.match(templateName);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

QJsonObject samplingToJson(const DraftSampling& s) {
    return {{QStringLiteral("temperature"), s.temperature},
            {QStringLiteral("topK"), s.topK},
            {QStringLiteral("topP"), s.topP},
            {QStringLiteral("minP"), s.minP},
            {QStringLiteral("repetitionPenalty"), s.repetitionPenalty},
            {QStringLiteral("seed"), QString::number(s.seed)},
            {QStringLiteral("maxNewTokens"), s.maxNewTokens}};
}

QJsonObject modelToJson(const DraftProvenance& p) {
    QJsonArray weights;
    for (const WeightDigest& w : p.weights) {
        weights.append(QJsonObject{
            {QStringLiteral("path"), w.path},
            {QStringLiteral("bytes"), double(w.bytes)},
            {QStringLiteral("sha256"), w.sha256.isEmpty() ? QJsonValue() : QJsonValue(w.sha256)}});
    }
    return {{QStringLiteral("id"), p.modelId},
            {QStringLiteral("variant"), p.modelVariant},
            {QStringLiteral("dtype"), p.dtype},
            {QStringLiteral("device"), p.device},
            {QStringLiteral("weights"), weights}};
}

QJsonArray inputsToJson(const QList<DraftImage>& images) {
    QJsonArray inputs;
    for (const DraftImage& image : images) {
        inputs.append(QJsonObject{{QStringLiteral("sopInstanceUid"), image.sopInstanceUid},
                                  {QStringLiteral("frame"), image.frame},
                                  {QStringLiteral("region"), regionToJson(image.region)},
                                  {QStringLiteral("recipe"), image.recipe},
                                  {QStringLiteral("label"), image.sourceLabel}});
    }
    return inputs;
}

QJsonObject provenanceToJson(const DraftProvenance& p) {
    const QJsonObject templ{{QStringLiteral("name"), p.templateName},
                            {QStringLiteral("id"), templateId(p.templateName)},
                            {QStringLiteral("version"), templateVersion(p.templateName)}};
    return {{QStringLiteral("template"), templ},
            {QStringLiteral("sampling"), samplingToJson(p.sampling)},
            {QStringLiteral("inputs"), inputsToJson(p.images)},
            {QStringLiteral("model"), modelToJson(p)},
            {QStringLiteral("prompt"), p.renderedPrompt},
            {QStringLiteral("applicationVersion"), p.applicationVersion},
            {QStringLiteral("started"), isoUtc(p.started)},
            {QStringLiteral("finished"), isoUtc(p.finished)}};
}

DraftProvenance provenanceFromJson(const QJsonObject& o) {
    DraftProvenance p;
    p.templateName =
        o.value(QStringLiteral("template")).toObject().value(QStringLiteral("name")).toString();
    p.sampling = samplingFromJson(o.value(QStringLiteral("sampling")).toObject());
    p.images = inputsFromJson(o.value(QStringLiteral("inputs")).toArray());
    readModel(o.value(QStringLiteral("model")).toObject(), p);
    p.renderedPrompt = o.value(QStringLiteral("prompt")).toString();
    p.applicationVersion = o.value(QStringLiteral("applicationVersion")).toString();
    p.started = timeFromJson(o.value(QStringLiteral("started")));
    p.finished = timeFromJson(o.value(QStringLiteral("finished")));
    return p;
}

QString modelLine(const DraftProvenance& p) {
    const QString name = p.modelVariant.isEmpty() ? Text::tr("unknown model") : p.modelVariant;
    const QString id = p.modelId.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(p.modelId);
    return Text::tr("Model: %1%2, %3 on %4").arg(name, id, p.dtype, p.device.toUpper());
}

QString samplingLine(const DraftSampling& s) {
    const QString mode = s.temperature <= 0
                             ? Text::tr("greedy (temperature 0)")
                             : Text::tr("temperature %1, top-k %2, top-p %3, min-p %4")
                                   .arg(s.temperature)
                                   .arg(s.topK)
                                   .arg(s.topP)
                                   .arg(s.minP);
    return Text::tr("Sampling: %1, repetition penalty %2, seed %3, at most %4 new tokens")
        .arg(mode)
        .arg(s.repetitionPenalty)
        .arg(s.seed)
        .arg(s.maxNewTokens);
}

QStringList weightLines(const DraftProvenance& p) {
    QStringList lines;
    for (const WeightDigest& w : p.weights) {
        lines << Text::tr("Weights: %1 (%2 bytes) SHA-256 %3")
                     .arg(QFileInfo(w.path).fileName())
                     .arg(w.bytes)
                     .arg(w.sha256.isEmpty() ? Text::tr("not yet computed") : w.sha256);
    }
    return lines;
}

QString inputLine(const DraftImage& image) {
    QString line = Text::tr("Input: %1, SOP Instance UID %2, frame %3")
                       .arg(image.sourceLabel, image.sopInstanceUid)
                       .arg(image.frame + 1);
    if (!image.region.isEmpty()) {
        line += Text::tr(", region x %1 y %2 %3×%4 px")
                    .arg(image.region.x())
                    .arg(image.region.y())
                    .arg(image.region.width())
                    .arg(image.region.height());
    }
    return line + QStringLiteral("; ") + image.recipe;
}

QStringList provenanceLines(const DraftProvenance& p) {
    QStringList lines{modelLine(p)};
    lines << weightLines(p);
    lines << Text::tr("Prompt template: %1")
                 .arg(p.templateName.isEmpty() ? Text::tr("none") : p.templateName);
    lines << samplingLine(p.sampling);
    for (const DraftImage& image : p.images) {
        lines << inputLine(image);
    }
    lines << Text::tr("Drafted %1 – %2 by MedGemma Workstation %3")
                 .arg(isoUtc(p.started), isoUtc(p.finished), p.applicationVersion);
    return lines;
}

QString sha256Hex(const QString& text) {
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

}  // namespace ui
