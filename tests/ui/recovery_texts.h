#pragma once
// The texts the journal helper writes and test_ui_report_recovery expects back.

#include <QString>

namespace testutil {

inline QString firstDraftText() {
    return QStringLiteral("FINDINGS: The lungs are clear.\nIMPRESSION: No acute findings.");
}

// The first n characters the helper types (letters, digits and spaces only: each is one key).
inline QString typedText(int n) {
    static const QString pattern =
        QStringLiteral(" reviewed by the radiologist 0123456789 and edited");
    QString text;
    while (text.size() < n) {
        text += pattern;
    }
    return text.left(n);
}

inline QString streamedChunk(int index) {
    return QStringLiteral("w%1 ").arg(index);
}

}  // namespace testutil
