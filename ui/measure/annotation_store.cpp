#include "ui/measure/annotation_store.h"

#include <utility>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace ui {
namespace {

constexpr int kSaveDelayMs = 500;
constexpr int kFormatVersion = 1;

QString imageId(const ImageKey& image) {
    return image.sopInstanceUid + QLatin1Char('#') + QString::number(image.frame);
}

QJsonObject studyToJson(const QString& studyUid, const QHash<QString, QList<Annotation>>& images) {
    QJsonArray list;
    for (auto it = images.cbegin(); it != images.cend(); ++it) {
        if (it->isEmpty()) {
            continue;
        }
        QJsonArray annotations;
        for (const Annotation& a : *it) {
            annotations.append(toJson(a));
        }
        list.append(QJsonObject{
            {QStringLiteral("sopInstanceUid"), it.key().section(QLatin1Char('#'), 0, 0)},
            {QStringLiteral("frame"), it.key().section(QLatin1Char('#'), 1).toInt()},
            {QStringLiteral("annotations"), annotations}});
    }
    return {{QStringLiteral("version"), kFormatVersion},
            {QStringLiteral("studyInstanceUid"), studyUid},
            {QStringLiteral("images"), list}};
}

}  // namespace

AnnotationStore::AnnotationStore(const QString& directory, QObject* parent)
    : QObject(parent),
      m_directory(directory.isEmpty()
                      ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                            QStringLiteral("/annotations")
                      : directory) {
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(kSaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &AnnotationStore::saveNow);
}

AnnotationStore::~AnnotationStore() {
    saveNow();
}

QString AnnotationStore::fileFor(const QString& studyUid) const {
    // UIDs are digits and dots; anything else (a study made up for a folder of photographs)
    // is hashed so that it is a safe file name.
    static const QRegularExpression plain(QStringLiteral("^[0-9.]{1,64}$"));
    const QString name =
        plain.match(studyUid).hasMatch()
            ? studyUid
            : QString::fromLatin1(
                  QCryptographicHash::hash(studyUid.toUtf8(), QCryptographicHash::Sha1).toHex());
    return QDir(m_directory).filePath(name + QStringLiteral(".json"));
}

AnnotationStore::Images& AnnotationStore::study(const QString& studyUid) {
    auto it = m_studies.find(studyUid);
    if (it == m_studies.end()) {
        it = m_studies.insert(studyUid, load(studyUid));
    }
    return *it;
}

QList<Annotation> AnnotationStore::annotations(const ImageKey& image) {
    return image.isValid() ? study(image.studyUid).value(imageId(image)) : QList<Annotation>();
}

void AnnotationStore::add(const ImageKey& image, const Annotation& annotation) {
    study(image.studyUid)[imageId(image)].append(annotation);
    touched(image);
}

void AnnotationStore::update(const ImageKey& image, const Annotation& annotation) {
    for (Annotation& a : study(image.studyUid)[imageId(image)]) {
        if (a.id == annotation.id) {
            a = annotation;
            touched(image);
            return;
        }
    }
}

void AnnotationStore::remove(const ImageKey& image, const QUuid& id) {
    QList<Annotation>& list = study(image.studyUid)[imageId(image)];
    if (list.removeIf([&id](const Annotation& a) { return a.id == id; }) > 0) {
        touched(image);
    }
}

void AnnotationStore::touched(const ImageKey& image) {
    m_dirty.insert(image.studyUid);
    m_saveTimer.start();
    Q_EMIT changed(image);
}

void AnnotationStore::forget(const QString& studyUid) {
    if (m_dirty.contains(studyUid)) {
        save(studyUid);
    }
    m_studies.remove(studyUid);
}

bool AnnotationStore::saveNow() {
    m_saveTimer.stop();
    bool ok = true;
    const QSet<QString> dirty = std::exchange(m_dirty, {});
    for (const QString& uid : dirty) {
        ok = save(uid) && ok;
    }
    return ok;
}

bool AnnotationStore::save(const QString& studyUid) {
    const QString path = fileFor(studyUid);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        Q_EMIT saveFailed(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(studyToJson(studyUid, m_studies.value(studyUid))).toJson());
    if (!file.commit()) {
        Q_EMIT saveFailed(path, file.errorString());
        return false;
    }
    return true;
}

AnnotationStore::Images AnnotationStore::load(const QString& studyUid) {
    const QString path = fileFor(studyUid);
    QFile file(path);
    if (!file.exists()) {
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT loadFailed(path, file.errorString());
        return {};
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (!doc.isObject() || doc[QStringLiteral("studyInstanceUid")].toString() != studyUid) {
        Q_EMIT loadFailed(path, error.error != QJsonParseError::NoError
                                    ? error.errorString()
                                    : tr("not an annotation file of this study"));
        return {};
    }
    Images images;
    for (const QJsonValue& entry : doc[QStringLiteral("images")].toArray()) {
        const ImageKey key{studyUid, entry[QStringLiteral("sopInstanceUid")].toString(),
                           entry[QStringLiteral("frame")].toInt()};
        for (const QJsonValue& value : entry[QStringLiteral("annotations")].toArray()) {
            if (auto a = annotationFromJson(value.toObject())) {
                images[imageId(key)].append(*a);
            }
        }
    }
    return images;
}

}  // namespace ui
