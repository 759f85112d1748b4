#pragma once
// The sections of a report's text. MedGemma writes FINDINGS: / IMPRESSION: headings, sometimes
// as Markdown ("**Findings:**", "## Impression"), sometimes in the output language; clinicians
// add their own ("RECOMMENDATION:"). splitSections() reads any of these from the whole text, so
// a streamed draft parses the same however its chunks were cut.
//
// A heading line is: optional Markdown marks, a heading word or phrase, then a colon (ASCII or
// full-width) with optional text after it, or nothing else on the line. Known words (English,
// Portuguese, Spanish, Chinese) name Findings and Impression; other known headings and short
// all-capital phrases ending in a colon ("CLINICAL HISTORY:") open free sections. Text before
// the first heading is a free section without a title. "Findings are normal." is body text.
// Thread-safety: pure functions.

#include <QList>
#include <QString>

namespace ui {

enum class SectionKind { Findings, Impression, Other };

struct SectionText {
    SectionKind kind = SectionKind::Other;
    QString title;  // as written without marks or colon, e.g. "FINDINGS", "Recommendation"
    QString text;   // trimmed body
};

QList<SectionText> splitSections(const QString& report);

// The first section of `kind` (empty text when there is none).
QString sectionBody(const QList<SectionText>& sections, SectionKind kind);

// The conventional heading, e.g. "Findings", "Impression", or the section's own title.
QString sectionHeading(const SectionText& section);

}  // namespace ui
