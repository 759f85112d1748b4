#include "ui/report/report_headings.h"

#include <algorithm>

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include "ui/report/report_sections.h"

namespace ui {
namespace {

// Where the body text of a heading line starts; the line's length when it has none.
qsizetype bodyStart(const QString& line, const SectionText& heading) {
    const qsizetype titleEnd = line.indexOf(heading.title) + heading.title.size();
    if (heading.text.isEmpty()) {
        return line.size();
    }
    const qsizetype body = line.indexOf(heading.text, titleEnd);
    return body < 0 ? line.size() : body;
}

// Bolds the heading word and its colon where they stand.
void boldInPlace(QTextDocument* document, const QTextBlock& block, const SectionText& heading) {
    const QString line = block.text();
    const qsizetype start = line.indexOf(heading.title);
    qsizetype end = start + heading.title.size();
    if (end < line.size() && (line[end] == QLatin1Char(':') || line[end] == QChar(0xFF1A))) {
        ++end;
    }
    QTextCursor cursor(document);
    cursor.setPosition(block.position() + int(start));
    cursor.setPosition(block.position() + int(end), QTextCursor::KeepAnchor);
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    cursor.mergeCharFormat(bold);
}

// Replaces the heading part of the line ("**Findings:** ") by "Findings: " with the heading in
// bold; the formats otherwise stay those of the line (the AI-draft tint included). A heading
// without Markdown marks keeps its text exactly and is only made bold.
void formatHeading(QTextDocument* document, const QTextBlock& block, const SectionText& heading) {
    const qsizetype end = bodyStart(block.text(), heading);
    static const QRegularExpression marks(QStringLiteral("[#*_]"));
    if (!block.text().left(end).contains(marks)) {
        boldInPlace(document, block, heading);
        return;
    }
    const bool hasBody = end < block.text().size();
    QTextCursor cursor(document);
    cursor.setPosition(block.position());
    cursor.setPosition(block.position() + int(end), QTextCursor::KeepAnchor);
    QTextCharFormat bold = cursor.charFormat();
    QTextCharFormat normal = bold;
    bold.setFontWeight(QFont::Bold);
    normal.setFontWeight(QFont::Normal);
    cursor.insertText(heading.title + QLatin1Char(':'), bold);
    if (hasBody) {
        cursor.insertText(QStringLiteral(" "), normal);
    }
}

}  // namespace

int emphasiseHeadings(QTextDocument* document, int from, int to) {
    int found = 0;
    // Backwards, so that edits never shift the blocks still to visit.
    for (QTextBlock block = document->findBlock(std::max(0, to - 1));
         block.isValid() && block.position() >= from; block = block.previous()) {
        const QList<SectionText> sections = splitSections(block.text());
        if (sections.size() == 1 && !sections.first().title.isEmpty() &&
            block.text().contains(sections.first().title)) {
            formatHeading(document, block, sections.first());
            ++found;
        }
    }
    return found;
}

}  // namespace ui
