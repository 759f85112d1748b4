#pragma once
// The look of a streamed draft's section headings. MedGemma writes FINDINGS / IMPRESSION
// (sometimes as Markdown, "**Findings:**" or "## Impression"); once a draft has streamed in,
// its heading lines are shown as bold headings of the one report document, the way a radiology
// report reads, with the Markdown marks removed. What counts as a heading is decided by
// splitSections() (report_sections.h), the same rule the structured report uses. The text stays
// one document so that editing, undo and the AI-draft marking work across sections.
// Thread-safety: the document must belong to the calling thread.

class QTextDocument;

namespace ui {

// Bolds the heading lines that begin inside [from, to) and strips their Markdown marks; the
// body text on a heading line is left as it is. Returns how many headings it found.
int emphasiseHeadings(QTextDocument* document, int from, int to);

}  // namespace ui
