#include "ui/report/report_deid.h"

#include <algorithm>

#include <QCryptographicHash>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSettings>
#include <QStringList>

namespace ui {
namespace {

const QString kRemoved = QStringLiteral("[removed]");

QByteArray hmac(const QByteArray& key, const QString& domain, const QString& value) {
    return QMessageAuthenticationCode::hash((domain + QLatin1Char(':') + value).toUtf8(), key,
                                            QCryptographicHash::Sha256);
}

// Decimal digits of the first 16 bytes (big-endian), as a 2.25 UID spells a 128-bit number.
QString decimal128(const QByteArray& bytes) {
    QList<quint32> words;
    for (int i = 0; i < 16; i += 4) {
        words << (quint32(quint8(bytes[i])) << 24 | quint32(quint8(bytes[i + 1])) << 16 |
                  quint32(quint8(bytes[i + 2])) << 8 | quint32(quint8(bytes[i + 3])));
    }
    QString digits;
    auto zero = [&] {
        return std::all_of(words.cbegin(), words.cend(), [](quint32 w) { return w == 0; });
    };
    do {
        quint64 remainder = 0;
        for (quint32& w : words) {
            const quint64 value = (remainder << 32) | w;
            w = quint32(value / 10);
            remainder = value % 10;
        }
        digits.prepend(QChar(u'0' + char16_t(remainder)));
    } while (!zero());
    return digits;
}

// The strings that identify the patient in free text, longest first so that "Jane Doe" goes
// before "Jane".
QStringList identifyingStrings(const PatientStudyLink& s) {
    QStringList strings;
    const QStringList parts = s.patientName.split(QLatin1Char('^'), Qt::SkipEmptyParts);
    if (parts.size() >= 2) {
        strings << parts[1] + QLatin1Char(' ') + parts[0]
                << parts[0] + QStringLiteral(", ") + parts[1];
    }
    for (const QString& part : parts) {
        if (part.trimmed().size() >= 3) {
            strings << part.trimmed();
        }
    }
    for (const QString& id : {s.patientId, s.accessionNumber}) {
        if (id.trimmed().size() >= 3) {
            strings << id.trimmed();
        }
    }
    if (s.birthDate.size() == 8) {
        const QString y = s.birthDate.left(4), m = s.birthDate.mid(4, 2), d = s.birthDate.mid(6, 2);
        strings << s.birthDate << y + QLatin1Char('-') + m + QLatin1Char('-') + d
                << d + QLatin1Char('/') + m + QLatin1Char('/') + y
                << m + QLatin1Char('/') + d + QLatin1Char('/') + y;
    }
    std::sort(strings.begin(), strings.end(),
              [](const QString& a, const QString& b) { return a.size() > b.size(); });
    return strings;
}

void deidentifyImages(ReportDocument& out, const QByteArray& key) {
    for (ImageLink& image : out.images) {
        image.studyInstanceUid = mappedUid(image.studyInstanceUid, key);
        image.seriesInstanceUid = mappedUid(image.seriesInstanceUid, key);
        image.sopInstanceUid = mappedUid(image.sopInstanceUid, key);
        image.sourcePath.clear();
    }
}

void deidentifyDrafts(ReportDocument& out, const PatientStudyLink& original,
                      const QString& pseudonym, const QByteArray& key) {
    for (DraftRecord& draft : out.drafts) {
        draft.output = scrubText(draft.output, original, pseudonym);
        draft.provenance.renderedPrompt =
            scrubText(draft.provenance.renderedPrompt, original, pseudonym);
        for (DraftImage& image : draft.provenance.images) {
            image.sopInstanceUid = mappedUid(image.sopInstanceUid, key);
        }
        for (WeightDigest& weight : draft.provenance.weights) {
            weight.path = QFileInfo(weight.path).fileName();
        }
    }
}

// Names match as capitalised or upper-case words only: "Brown" and "BROWN" are the patient,
// "brown" in "brown discoloration" is not.
QRegularExpression namePattern(const QString& name) {
    QString capitalised = name.toLower();
    for (qsizetype i = 0; i < capitalised.size(); ++i) {
        if (i == 0 || !capitalised[i - 1].isLetter()) {
            capitalised[i] = capitalised[i].toUpper();  // "JANE TESTER" -> "Jane Tester"
        }
    }
    QStringList forms{QRegularExpression::escape(name), QRegularExpression::escape(capitalised),
                      QRegularExpression::escape(name.toUpper())};
    forms.removeDuplicates();
    return QRegularExpression(
        QStringLiteral("(?<!\\w)(?:%1)(?!\\w)").arg(forms.join(QLatin1Char('|'))),
        QRegularExpression::UseUnicodePropertiesOption);
}

}  // namespace

QByteArray installationKey() {
    QSettings settings;
    const QString name = QStringLiteral("report/deidentificationSecret");
    QByteArray key = settings.value(name).toByteArray();
    if (key.size() < 32) {
        QByteArray random(32, Qt::Uninitialized);
        QRandomGenerator::system()->generate(random.begin(), random.end());
        key = random.toHex();
        settings.setValue(name, key);
    }
    return key;
}

QString pseudonymFor(const QString& patientId, const QByteArray& key) {
    return QStringLiteral("ANON-") +
           QString::fromLatin1(hmac(key, QStringLiteral("patient"), patientId).toHex().left(10))
               .toUpper();
}

QString mappedUid(const QString& uid, const QByteArray& key) {
    if (uid.isEmpty()) {
        return uid;
    }
    const QByteArray message = QByteArray::number(key.size()) + ':' + key + uid.toUtf8();
    return QStringLiteral("2.25.") +
           decimal128(QCryptographicHash::hash(message, QCryptographicHash::Sha256));
}

QString scrubText(const QString& text, const PatientStudyLink& study, const QString& pseudonym) {
    QString out = text;
    const QStringList names = study.patientName.split(QLatin1Char('^'), Qt::SkipEmptyParts);
    for (const QString& s : identifyingStrings(study)) {
        const bool isName =
            names.contains(s) || s.contains(QLatin1Char(' ')) || s.contains(QLatin1Char(','));
        if (isName) {
            out.replace(namePattern(s), pseudonym);
            continue;
        }
        const QRegularExpression word(
            QStringLiteral("(?<!\\w)%1(?!\\w)").arg(QRegularExpression::escape(s)),
            QRegularExpression::CaseInsensitiveOption |
                QRegularExpression::UseUnicodePropertiesOption);
        out.replace(word, s == study.patientId ? pseudonym : kRemoved);
    }
    return out;
}

ReportDocument deidentifyReport(const ReportDocument& doc, const QByteArray& key) {
    ReportDocument out = doc;
    const PatientStudyLink& original = doc.study;
    const QString pseudonym =
        pseudonymFor(original.patientId.isEmpty() ? original.patientName : original.patientId, key);
    out.study = PatientStudyLink{};
    out.study.patientName = pseudonym;
    out.study.patientId = pseudonym;
    out.study.studyInstanceUid = mappedUid(original.studyInstanceUid, key);
    out.study.studyDate = original.studyDate;
    out.study.studyTime = original.studyTime;
    out.study.studyDescription = scrubText(original.studyDescription, original, pseudonym);
    out.text = scrubText(doc.text, original, pseudonym);
    for (ReportVersion& version : out.versions) {
        version.text = scrubText(version.text, original, pseudonym);
    }
    deidentifyImages(out, key);
    deidentifyDrafts(out, original, pseudonym, key);
    return out;
}

}  // namespace ui
