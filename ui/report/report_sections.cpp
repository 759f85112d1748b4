#include "ui/report/report_sections.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace ui {
namespace {

const QStringList& findingsWords() {
    static const QStringList words{QStringLiteral("findings"), QStringLiteral("finding"),
                                   QStringLiteral("achados"),  QStringLiteral("hallazgos"),
                                   QStringLiteral("影像所见"), QStringLiteral("所见"),
                                   QStringLiteral("表现")};
    return words;
}

const QStringList& impressionWords() {
    static const QStringList words{
        QStringLiteral("impression"), QStringLiteral("impressions"), QStringLiteral("impressão"),
        QStringLiteral("impresión"),  QStringLiteral("conclusion"),  QStringLiteral("conclusions"),
        QStringLiteral("conclusão"),  QStringLiteral("conclusión"),  QStringLiteral("诊断意见"),
        QStringLiteral("印象"),       QStringLiteral("结论")};
    return words;
}

const QStringList& otherWords() {
    static const QStringList words{QStringLiteral("comparison"),
                                   QStringLiteral("technique"),
                                   QStringLiteral("indication"),
                                   QStringLiteral("indications"),
                                   QStringLiteral("clinical history"),
                                   QStringLiteral("history"),
                                   QStringLiteral("clinical information"),
                                   QStringLiteral("procedure"),
                                   QStringLiteral("recommendation"),
                                   QStringLiteral("recommendations"),
                                   QStringLiteral("comparação"),
                                   QStringLiteral("técnica"),
                                   QStringLiteral("indicação"),
                                   QStringLiteral("recomendação"),
                                   QStringLiteral("comparación"),
                                   QStringLiteral("indicación"),
                                   QStringLiteral("recomendación")};
    return words;
}

// Groups: 1 the heading phrase, 2 the colon (may be empty), 3 the rest of the line.
const QRegularExpression& headingPattern() {
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*(?:#{1,6}\\s*)?(?:\\*\\*|__|\\*)?\\s*([^:：*#_]{1,40})"
                       "(?:\\*\\*|__|\\*)?\\s*([:：]?)\\s*(?:\\*\\*|__|\\*)?\\s*(.*)$"),
        QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}

// Short phrases in capitals ("CLINICAL HISTORY") may be headings.
bool isCapitalPhrase(const QString& phrase) {
    if (phrase.size() < 3 || phrase.count(QLatin1Char(' ')) > 3) {
        return false;
    }
    bool letters = false;
    for (const QChar c : phrase) {
        if (c.isLower() || (!c.isLetter() && c != QLatin1Char(' ') && c != QLatin1Char('/'))) {
            return false;
        }
        letters = letters || c.isLetter();
    }
    return letters;
}

struct Heading {
    SectionKind kind = SectionKind::Other;
    QString title;
    QString rest;  // body text on the heading line
};

bool readHeading(const QString& line, Heading* heading) {
    const QRegularExpressionMatch m = headingPattern().match(line);
    if (!m.hasMatch()) {
        return false;
    }
    const QString phrase = m.captured(1).trimmed();
    const QString key = phrase.toLower();
    const bool colon = !m.captured(2).isEmpty();
    const QString rest = m.captured(3).trimmed();
    const bool alone = !colon && rest.isEmpty();
    if (!colon && !alone) {
        return false;
    }
    const bool known = findingsWords().contains(key) || impressionWords().contains(key) ||
                       otherWords().contains(key);
    // An unknown phrase opens a section only alone on its line: "LIVER: normal." inside the
    // findings stays body text.
    if (!known && !(colon && rest.isEmpty() && isCapitalPhrase(phrase))) {
        return false;
    }
    heading->kind = findingsWords().contains(key)     ? SectionKind::Findings
                    : impressionWords().contains(key) ? SectionKind::Impression
                                                      : SectionKind::Other;
    heading->title = phrase;
    heading->rest = rest;
    return true;
}

void closeSection(QList<SectionText>& sections, SectionText& current, QStringList& lines) {
    current.text = lines.join(QLatin1Char('\n')).trimmed();
    if (!current.title.isEmpty() || !current.text.isEmpty()) {
        sections << current;
    }
    lines.clear();
}

}  // namespace

QList<SectionText> splitSections(const QString& report) {
    QList<SectionText> sections;
    SectionText current;
    QStringList lines;
    for (const QString& line : report.split(QLatin1Char('\n'))) {
        Heading heading;
        if (!readHeading(line, &heading)) {
            lines << line;
            continue;
        }
        closeSection(sections, current, lines);
        current = SectionText{heading.kind, heading.title, QString()};
        if (!heading.rest.isEmpty()) {
            lines << heading.rest;
        }
    }
    closeSection(sections, current, lines);
    return sections;
}

QString sectionBody(const QList<SectionText>& sections, SectionKind kind) {
    for (const SectionText& section : sections) {
        if (section.kind == kind) {
            return section.text;
        }
    }
    return {};
}

QString sectionHeading(const SectionText& section) {
    switch (section.kind) {
        case SectionKind::Findings:
            return QCoreApplication::translate("ui::ReportSections", "Findings");
        case SectionKind::Impression:
            return QCoreApplication::translate("ui::ReportSections", "Impression");
        case SectionKind::Other:
            break;
    }
    if (section.title.isEmpty()) {
        return {};
    }
    // "CLINICAL HISTORY" reads as "Clinical history" among the standard headings.
    const QString lower = section.title.toLower();
    return section.title == section.title.toUpper() ? lower.left(1).toUpper() + lower.mid(1)
                                                    : section.title;
}

}  // namespace ui
