#include "ui/report/word_diff.h"

#include <algorithm>
#include <vector>

#include <QRegularExpression>

namespace ui {
namespace {

// A word (or a run of punctuation) and the whitespace before it. Punctuation is its own token,
// so "effusion." and "effusion seen." share "effusion".
struct Token {
    QString space;
    QString word;
};

QList<Token> tokenize(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("(\\s*)(\\w+|[^\\w\\s]+)"),
                                            QRegularExpression::UseUnicodePropertiesOption);
    QList<Token> tokens;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        tokens << Token{m.captured(1), m.captured(2)};
    }
    return tokens;
}

void push(QList<DiffOp>& ops, DiffOp::Kind kind, const Token& token) {
    if (!ops.isEmpty() && ops.last().kind == kind) {
        ops.last().text += token.space + token.word;
        return;
    }
    if (kind == DiffOp::Kind::Equal) {
        ops << DiffOp{kind, token.space + token.word};
        return;
    }
    // A change keeps the space before it outside ("word [-old-]", not "word[- old-]"); after a
    // change of the other kind that space was already written: "[-are-]{+look+}".
    if (ops.isEmpty()) {
        if (!token.space.isEmpty()) {
            ops << DiffOp{DiffOp::Kind::Equal, token.space};
        }
    } else if (ops.last().kind == DiffOp::Kind::Equal) {
        ops.last().text += token.space;
    }
    ops << DiffOp{kind, token.word};
}

// Longest common subsequence table over a[from..), b[from..) without the common end.
std::vector<std::vector<int>> lcsTable(const QList<Token>& a, const QList<Token>& b, int start,
                                       int endA, int endB) {
    const int n = endA - start, m = endB - start;
    std::vector<std::vector<int>> t(std::size_t(n + 1), std::vector<int>(std::size_t(m + 1), 0));
    for (int i = n - 1; i >= 0; --i) {
        for (int j = m - 1; j >= 0; --j) {
            t[std::size_t(i)][std::size_t(j)] =
                a[start + i].word == b[start + j].word
                    ? t[std::size_t(i + 1)][std::size_t(j + 1)] + 1
                    : std::max(t[std::size_t(i + 1)][std::size_t(j)],
                               t[std::size_t(i)][std::size_t(j + 1)]);
        }
    }
    return t;
}

void diffMiddle(QList<DiffOp>& ops, const QList<Token>& a, const QList<Token>& b, int start,
                int endA, int endB) {
    const qint64 cells = qint64(endA - start) * qint64(endB - start);
    if (cells > kMaxDiffCells) {
        for (int i = start; i < endA; ++i) {
            push(ops, DiffOp::Kind::Delete, a[i]);
        }
        for (int j = start; j < endB; ++j) {
            push(ops, DiffOp::Kind::Insert, b[j]);
        }
        return;
    }
    const auto t = lcsTable(a, b, start, endA, endB);
    int i = 0, j = 0;
    const int n = endA - start, m = endB - start;
    while (i < n || j < m) {
        if (i < n && j < m && a[start + i].word == b[start + j].word) {
            push(ops, DiffOp::Kind::Equal, b[start + j]);
            ++i;
            ++j;
        } else if (i < n && (j == m || t[std::size_t(i + 1)][std::size_t(j)] >=
                                           t[std::size_t(i)][std::size_t(j + 1)])) {
            push(ops, DiffOp::Kind::Delete, a[start + i++]);  // deletions first, as reviewers read
        } else {
            push(ops, DiffOp::Kind::Insert, b[start + j++]);
        }
    }
}

int countWords(const QString& text) {
    return int(text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size());
}

QString escaped(const QString& text) {
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

}  // namespace

double DiffSummary::changedFraction() const {
    const int total = 2 * equalWords + insertedWords + deletedWords;
    return total == 0 ? 0.0 : double(insertedWords + deletedWords) / double(total);
}

QList<DiffOp> wordDiff(const QString& before, const QString& after) {
    const QList<Token> a = tokenize(before);
    const QList<Token> b = tokenize(after);
    int start = 0;
    while (start < a.size() && start < b.size() && a[start].word == b[start].word) {
        ++start;
    }
    int endA = int(a.size()), endB = int(b.size());
    while (endA > start && endB > start && a[endA - 1].word == b[endB - 1].word) {
        --endA;
        --endB;
    }
    QList<DiffOp> ops;
    for (int k = 0; k < start; ++k) {
        push(ops, DiffOp::Kind::Equal, b[k]);
    }
    diffMiddle(ops, a, b, start, endA, endB);
    for (int k = endB; k < b.size(); ++k) {
        push(ops, DiffOp::Kind::Equal, b[k]);
    }
    return ops;
}

DiffSummary summariseDiff(const QList<DiffOp>& ops) {
    DiffSummary s;
    for (const DiffOp& op : ops) {
        const int words = countWords(op.text);
        switch (op.kind) {
            case DiffOp::Kind::Equal:
                s.equalWords += words;
                break;
            case DiffOp::Kind::Insert:
                s.insertedWords += words;
                break;
            case DiffOp::Kind::Delete:
                s.deletedWords += words;
                break;
        }
    }
    return s;
}

QString diffMarkup(const QList<DiffOp>& ops) {
    QString out;
    for (const DiffOp& op : ops) {
        switch (op.kind) {
            case DiffOp::Kind::Equal:
                out += op.text;
                break;
            case DiffOp::Kind::Insert:
                out += QStringLiteral("{+") + op.text + QStringLiteral("+}");
                break;
            case DiffOp::Kind::Delete:
                out += QStringLiteral("[-") + op.text + QStringLiteral("-]");
                break;
        }
    }
    return out;
}

QString diffHtml(const QList<DiffOp>& ops) {
    // Styled spans rather than <ins>/<del>: QTextDocument (the PDF) renders only these.
    static const QString inserted =
        QStringLiteral("<span style='color:#1a7f37; text-decoration:underline'>");
    static const QString deleted =
        QStringLiteral("<span style='color:#b42318; text-decoration:line-through'>");
    QString out;
    for (const DiffOp& op : ops) {
        switch (op.kind) {
            case DiffOp::Kind::Equal:
                out += escaped(op.text);
                break;
            case DiffOp::Kind::Insert:
                out += inserted + escaped(op.text) + QStringLiteral("</span>");
                break;
            case DiffOp::Kind::Delete:
                out += deleted + escaped(op.text) + QStringLiteral("</span>");
                break;
        }
    }
    return out;
}

}  // namespace ui
