#pragma once
// Test helpers for the report: a synthetic report with one AI draft, its provenance and a
// linked study (no patient data: the names, IDs and UIDs are made up).

#include <QDateTime>
#include <QImage>

#include "ui/report/report_document.h"

namespace testutil {

inline ui::DraftProvenance sampleProvenance() {
    ui::DraftProvenance p;
    p.templateName = QStringLiteral("ct-report v2 (edited)");
    p.sampling.seed = 18446744073709551557ULL;  // near 2^64: must survive JSON
    p.sampling.maxNewTokens = 512;
    p.modelId = QStringLiteral("google/medgemma-4b-it@0123456789ab");
    p.modelVariant = QStringLiteral("MedGemma 4B (instruction-tuned)");
    p.dtype = QStringLiteral("bfloat16");
    p.device = QStringLiteral("cpu");
    p.weights = {
        {QStringLiteral("/models/m/model-00001-of-00002.safetensors"), 4961251752LL,
         QStringLiteral("a3f1c0de") + QString(56, QLatin1Char('0'))},
        {QStringLiteral("/models/m/model-00002-of-00002.safetensors"), 3639026128LL, QString()}};
    p.renderedPrompt = QStringLiteral(
        "<bos><start_of_turn>user\nYou are a radiologist.\n\n"
        "<start_of_image>Describe the CT.<end_of_turn>\n"
        "<start_of_turn>model\n");
    p.applicationVersion = QStringLiteral("0.1.0");
    p.started = QDateTime(QDate(2025, 1, 31), QTime(9, 12, 3, 120), Qt::UTC);
    p.finished = QDateTime(QDate(2025, 1, 31), QTime(9, 13, 40, 4), Qt::UTC);
    ui::DraftImage image;
    image.sopInstanceUid = QStringLiteral("2.25.111");
    image.frame = 0;
    image.region = QRect(10, 20, 100, 80);
    image.recipe = QStringLiteral("ct-3-windows (R -1024..1024 HU), padded to square");
    image.sourceLabel = QStringLiteral("CT 2 / slice 5 of 12");
    p.images = {image};
    return p;
}

inline ui::ReportDocument sampleReport() {
    ui::ReportDocument doc = ui::ReportDocument::create();
    doc.title = QStringLiteral("CT abdomen report");
    doc.study = {QStringLiteral("TESTER^JANE^Q"), QStringLiteral("PID-4242"),
                 QStringLiteral("19700102"),      QStringLiteral("F"),
                 QStringLiteral("2.25.100"),      QStringLiteral("ST1"),
                 QStringLiteral("ACC-777"),       QStringLiteral("20240102"),
                 QStringLiteral("101112"),        QStringLiteral("CT ABDOMEN"),
                 QStringLiteral("REFERRER^ROB")};
    ui::DraftRecord draft;
    draft.provenance = sampleProvenance();
    draft.output =
        QStringLiteral("FINDINGS: The liver has a 20 mm lesion.\nIMPRESSION: Hepatic lesion.");
    draft.promptTokens = 812;
    draft.generatedTokens = 23;
    doc.drafts << draft;
    ui::ImageLink image;
    image.studyInstanceUid = QStringLiteral("2.25.100");
    image.seriesInstanceUid = QStringLiteral("2.25.101");
    image.sopClassUid = QStringLiteral("1.2.840.10008.5.1.4.1.1.2");
    image.sopInstanceUid = QStringLiteral("2.25.111");
    image.region = QRect(10, 20, 100, 80);
    image.recipe = draft.provenance.images[0].recipe;
    image.label = draft.provenance.images[0].sourceLabel;
    image.modality = QStringLiteral("CT");
    image.picture = QImage(64, 64, QImage::Format_RGB888);
    image.picture.fill(QColor(40, 90, 160));
    doc.images << image;
    doc.text = draft.output;
    doc.status = ui::ReportStatus::AiDraft;
    doc.recordVersion(QStringLiteral("draft"));
    doc.text = QStringLiteral(
        "FINDINGS: The liver has a 20 mm hypodense lesion. Jane Tester, "
        "PID-4242, born 1970-01-02.\nIMPRESSION: Hepatic lesion; MRI advised.");
    doc.status = ui::ReportStatus::Edited;
    return doc;
}

}  // namespace testutil
