#include "ui/browser/study_browser.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "ui/browser/series_tree.h"
#include "ui/common/dicom_text.h"
#include "ui/study/study_session.h"

namespace ui {
namespace {

constexpr int kSeriesUidRole = Qt::UserRole + 1;

QTreeWidgetItem* patientItem(const dicom::PatientInfo& patient) {
    auto* item = new QTreeWidgetItem;
    QString text = personName(patient.name);
    if (!patient.patientId.empty()) {
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
    item->setText(0, description);
    item->setText(3, dicomDate(study.date));
    item->setToolTip(0, description);
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
    item->setToolTip(0, seriesTitle(series));
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
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 4; ++c) {
        m_tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    }
    m_tree->setAccessibleName(tr("Study browser"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree);

    connect(&m_session, &StudySession::changed, this, &StudyBrowser::rebuild);
    connect(m_filter, &QLineEdit::textChanged, this, &StudyBrowser::applyFilter);
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* current) { onCurrentItemChanged(current); });
    // A click on the series already current still shows it, e.g. in another viewport.
    connect(m_tree, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem* item) { onCurrentItemChanged(item); });
}

void StudyBrowser::rebuild() {
    const QString selected = m_tree->currentItem()
                                 ? m_tree->currentItem()->data(0, kSeriesUidRole).toString()
                                 : QString();
    QSignalBlocker block(m_tree);
    m_tree->clear();
    for (const auto& patient : m_session.collection().patients) {
        QTreeWidgetItem* p = patientItem(patient);
        m_tree->addTopLevelItem(p);
        for (const auto& study : patient.studies) {
            QTreeWidgetItem* s = studyItem(study);
            p->addChild(s);
            for (const auto& series : study.series) {
                s->addChild(seriesItem(series));
            }
        }
    }
    m_tree->expandAll();
    applyFilter(m_filter->text());
    if (!selected.isEmpty()) {
        selectSeries(selected);
    }
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
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, kSeriesUidRole).toString() == seriesUid) {
            m_tree->setCurrentItem(*it);
            return;
        }
    }
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
