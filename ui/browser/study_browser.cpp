#include "ui/browser/study_browser.h"

#include <QHeaderView>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QPixmap>
#include <QLineEdit>
#include <QListWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "ui/browser/series_tree.h"
#include "ui/browser/thumbnail_loader.h"
#include "ui/common/dicom_text.h"
#include "ui/study/study_session.h"

namespace ui {
namespace {

constexpr int kSeriesUidRole = Qt::UserRole + 1;
constexpr int kThumbnailEdge = 40;  // logical pixels

// Patient and study rows span every column so their names are not cut to fit the columns
// that only series rows use.
void spanColumns(QTreeWidgetItem* item) { item->setFirstColumnSpanned(true); }

// Keeps series rows at thumbnail height from the start, so the tree does not jump as the
// thumbnails arrive.
QIcon placeholderIcon(int edge) {
    QPixmap blank(edge, edge);
    blank.fill(Qt::transparent);
    return QIcon(blank);
}

QTreeWidgetItem* patientItem(const dicom::PatientInfo& patient) {
    auto* item = new QTreeWidgetItem;
    // Photographs carry no patient; the scan groups them under a nameless patient of their own.
    if (patient.kind == dicom::SourceKind::Photograph) {
        item->setText(0, StudyBrowser::tr("Photographs — no patient data"));
        item->setToolTip(0, item->text(0));
        return item;
    }
    QString text = personName(patient.name);
    if (!patient.patientId.empty() && fromDicom(patient.patientId) != text) {
        text += QStringLiteral("  [%1]").arg(fromDicom(patient.patientId));
    }
    item->setText(0, text);
    item->setToolTip(0, text);
    return item;
}

QTreeWidgetItem* studyItem(const dicom::StudyInfo& study) {
    auto* item = new QTreeWidgetItem;
    const QString description = study.description.empty()
                                    ? StudyBrowser::tr("Study")
                                    : fromDicom(study.description);
    const QString date = dicomDate(study.date);
    item->setText(0, date.isEmpty() ? description
                                    : StudyBrowser::tr("%1 — %2").arg(description, date));
    item->setText(3, date);
    item->setToolTip(0, item->text(0));
    return item;
}

QTreeWidgetItem* seriesItem(const dicom::SeriesInfo& series) {
    auto* item = new QTreeWidgetItem;
    int images = 0;
    for (const auto& instance : series.instances) {
        images += std::max(1, instance.frames);
    }
    const QString title = series.description.empty()
                              ? StudyBrowser::tr("Series %1").arg(series.seriesNumber)
                              : fromDicom(series.description);
    item->setText(0, title);
    item->setText(1, fromDicom(series.modality));
    item->setText(2, QString::number(images));
    item->setText(3, dicomDate(series.date));
    const QString date = dicomDate(series.date);
    item->setToolTip(0, date.isEmpty() ? seriesTitle(series)
                                       : StudyBrowser::tr("%1 — %2").arg(seriesTitle(series), date));
    item->setData(0, kSeriesUidRole, QString::fromStdString(series.seriesInstanceUid));
    return item;
}

}  // namespace

StudyBrowser::StudyBrowser(StudySession& session, QWidget* parent)
    : QWidget(parent), m_session(session) {
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter by patient, study, series or modality"));
    m_filter->setClearButtonEnabled(true);
    m_tree = new SeriesTree(kSeriesUidRole, this);
    m_tree->setHeaderLabels({tr("Study"), tr("Modality"), tr("Images"), tr("Date")});
    // Rows differ in height: series rows carry a thumbnail.
    m_tree->setUniformRowHeights(false);
    m_tree->setIconSize(QSize(kThumbnailEdge, kThumbnailEdge));
    m_thumbnails = new ThumbnailLoader(kThumbnailEdge, this);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 4; ++c) {
        m_tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    }
    // The date is on the study row; its column would only take room from the series names,
    // which wrap beside their thumbnails instead of being cut.
    m_tree->setColumnHidden(3, true);
    m_tree->setWordWrap(true);
    m_tree->setAccessibleName(tr("Study browser"));
    m_recentTitle = new QLabel(tr("<b>Recent studies</b> — click to open again"), this);
    m_recentTitle->setContentsMargins(4, 6, 4, 2);
    m_recent = new QListWidget(this);
    m_recent->setAccessibleName(tr("Recent studies"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 3);
    layout->addWidget(m_recentTitle);
    layout->addWidget(m_recent, 2);
    updateRecentVisibility();
    for (auto signal : {&QListWidget::itemClicked, &QListWidget::itemActivated}) {
        connect(m_recent, signal, this, [this](QListWidgetItem* item) {
            Q_EMIT openRequested(item->data(Qt::UserRole).toString());
        });
    }

    connect(&m_session, &StudySession::changed, this, &StudyBrowser::rebuild);
    connect(m_filter, &QLineEdit::textChanged, this, &StudyBrowser::applyFilter);
    connect(m_thumbnails, &ThumbnailLoader::thumbnailReady, this, &StudyBrowser::showThumbnail);
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* current) { onCurrentItemChanged(current); });
    // A click on the series already current still shows it, e.g. in another viewport.
    connect(m_tree, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem* item) { onCurrentItemChanged(item); });
}

void StudyBrowser::setRecentPaths(const QStringList& paths) {
    m_recent->clear();
    for (const QString& path : paths) {
        const QFileInfo info(path);
        auto* item = new QListWidgetItem(info.fileName().isEmpty() ? path : info.fileName(),
                                         m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
    }
    updateRecentVisibility();
}

void StudyBrowser::updateRecentVisibility() {
    const bool show = m_session.isEmpty() && m_recent->count() > 0;
    m_recentTitle->setVisible(show);
    m_recent->setVisible(show);
}

void StudyBrowser::rebuild() {
    updateRecentVisibility();
    const QString selected = m_tree->currentItem()
                                 ? m_tree->currentItem()->data(0, kSeriesUidRole).toString()
                                 : QString();
    QSignalBlocker block(m_tree);
    m_tree->clear();
    if (m_session.isEmpty()) {
        m_thumbnails->clear();
    }
    const QIcon placeholder = placeholderIcon(kThumbnailEdge);
    for (const auto& patient : m_session.collection().patients) {
        QTreeWidgetItem* p = patientItem(patient);
        m_tree->addTopLevelItem(p);
        spanColumns(p);
        for (const auto& study : patient.studies) {
            QTreeWidgetItem* s = studyItem(study);
            p->addChild(s);
            spanColumns(s);
            for (const auto& series : study.series) {
                QTreeWidgetItem* item = seriesItem(series);
                const QImage thumbnail = m_thumbnails->thumbnail(
                    QString::fromStdString(series.seriesInstanceUid), series);
                item->setIcon(0, thumbnail.isNull() ? placeholder
                                                    : QIcon(QPixmap::fromImage(thumbnail)));
                s->addChild(item);
            }
        }
    }
    m_tree->expandAll();
    applyFilter(m_filter->text());
    if (!selected.isEmpty()) {
        selectSeries(selected);
    }
}

void StudyBrowser::showThumbnail(const QString& seriesUid) {
    const SeriesRef ref = m_session.findSeries(seriesUid);
    QTreeWidgetItem* item = seriesItemOf(seriesUid);
    if (!ref || !item) {
        return;
    }
    const QImage thumbnail = m_thumbnails->thumbnail(seriesUid, *ref.series);
    if (!thumbnail.isNull()) {
        item->setIcon(0, QIcon(QPixmap::fromImage(thumbnail)));
    }
}

QTreeWidgetItem* StudyBrowser::seriesItemOf(const QString& seriesUid) const {
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, kSeriesUidRole).toString() == seriesUid) {
            return *it;
        }
    }
    return nullptr;
}

void StudyBrowser::applyFilter(const QString& text) {
    const QString needle = text.trimmed();
    // A series is shown when it or any of its ancestors matches.
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* patient = m_tree->topLevelItem(i);
        bool patientVisible = false;
        const auto matches = [&](QTreeWidgetItem* item) {
            if (needle.isEmpty()) {
                return true;
            }
            for (int c = 0; c < item->columnCount(); ++c) {
                if (item->text(c).contains(needle, Qt::CaseInsensitive)) {
                    return true;
                }
            }
            return false;
        };
        const bool patientMatches = matches(patient);
        for (int s = 0; s < patient->childCount(); ++s) {
            QTreeWidgetItem* study = patient->child(s);
            const bool studyMatches = patientMatches || matches(study);
            bool studyVisible = false;
            for (int r = 0; r < study->childCount(); ++r) {
                QTreeWidgetItem* series = study->child(r);
                const bool visible = studyMatches || matches(series);
                series->setHidden(!visible);
                studyVisible = studyVisible || visible;
            }
            study->setHidden(!studyVisible);
            patientVisible = patientVisible || studyVisible;
        }
        patient->setHidden(!patientVisible);
    }
}

void StudyBrowser::selectSeries(const QString& seriesUid) {
    if (QTreeWidgetItem* item = seriesItemOf(seriesUid)) {
        m_tree->setCurrentItem(item);
    }
}

void StudyBrowser::focusFilter() {
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void StudyBrowser::onCurrentItemChanged(QTreeWidgetItem* current) {
    if (!current) {
        return;
    }
    const QString uid = current->data(0, kSeriesUidRole).toString();
    if (!uid.isEmpty()) {
        Q_EMIT seriesActivated(uid);
    }
}

}  // namespace ui
