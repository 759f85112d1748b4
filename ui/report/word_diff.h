#pragma once
// A word-level diff between two texts, the way a reviewer compares the AI draft with the
// clinician's final report: words and punctuation are compared, whitespace is not (a reflowed
// line is no change). The result is the shortest edit script over words (longest common
// subsequence), with runs of inserted or deleted words merged. Texts beyond kMaxCells word pairs
// (about 4,000 x 4,000 words) are compared after their common start and end only; the middle then
// shows as one deletion and one insertion. Thread-safety: pure functions.

#include <QList>
#include <QString>

namespace ui {

struct DiffOp {
    enum class Kind { Equal, Insert, Delete };
    Kind kind = Kind::Equal;
    QString text;  // the words with the whitespace between them (of the newer text where kept)

    bool operator==(const DiffOp& o) const { return kind == o.kind && text == o.text; }
};

struct DiffSummary {
    int equalWords = 0;
    int insertedWords = 0;
    int deletedWords = 0;
    // Share of the words of both texts that changed: 0 (same) .. 1 (nothing in common).
    double changedFraction() const;
};

inline constexpr qint64 kMaxDiffCells = 16'000'000;

QList<DiffOp> wordDiff(const QString& before, const QString& after);
DiffSummary summariseDiff(const QList<DiffOp>& ops);

// wdiff-style text: "[-removed words-]{+added words+}" around the changes.
QString diffMarkup(const QList<DiffOp>& ops);
// HTML: inserted words underlined in green, deleted ones struck through in red (escaped text,
// newlines as <br>).
QString diffHtml(const QList<DiffOp>& ops);

}  // namespace ui
