#include "ui/viewer/series_viewer.h"

#include <algorithm>

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QVBoxLayout>

#include "dicom/display.h"
#include "ui/common/dicom_text.h"
#include "ui/viewer/image_viewer.h"

namespace ui {
namespace {
constexpr int kPrefetchRadius = 4;
}  // namespace

SeriesViewer::SeriesViewer(FrameCache& cache, QWidget* parent) : QWidget(parent), m_cache(cache) {
    m_viewer = new ImageViewer(this);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setEnabled(false);
    m_slider->setAccessibleName(tr("Slice"));
    m_position = new QLabel(this);
    m_position->setMinimumWidth(80);
    m_position->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 2);
    bar->addWidget(m_slider, 1);
    bar->addWidget(m_position);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_viewer, 1);
    layout->addLayout(bar);

    connect(m_slider, &QSlider::valueChanged, this, &SeriesViewer::setIndex);
    connect(m_viewer, &ImageViewer::stepRequested, this, &SeriesViewer::step);
    connect(&m_cache, &FrameCache::frameReady, this, &SeriesViewer::onFrameReady);
    connect(&m_cache, &FrameCache::frameFailed, this,
            [this](const QString& key, const QString& message) {
                if (key == m_waitingFor) {
                    m_waitingFor.clear();
                    Q_EMIT frameFailed(message);
                }
            });
    connect(m_viewer, &ImageViewer::windowChanged, this, [this] { updateOverlay(); });
}

void SeriesViewer::showSeries(const SeriesRef& series) {
    m_series = series;
    m_frames.clear();
    m_windowSet = false;
    if (series) {
        for (int i = 0; i < int(series.series->instances.size()); ++i) {
            const int frames = std::max(1, series.series->instances[i].frames);
            for (int f = 0; f < frames; ++f) {
                m_frames.push_back({i, f});
            }
        }
    }
    m_index = -1;
    // Never show the previous series' pixels under the new series' overlay while decoding.
    m_viewer->clear();
    {
        QSignalBlocker block(m_slider);
        m_slider->setRange(0, std::max(0, frameCount() - 1));
        m_slider->setValue(0);
        m_slider->setEnabled(frameCount() > 1);
    }
    if (m_frames.empty()) {
        clear();
        return;
    }
    // Start in the middle of a volume, where the anatomy is; a single image is its own middle.
    setIndex(frameCount() > 2 ? frameCount() / 2 : 0);
}

void SeriesViewer::clear() {
    m_series = {};
    m_frames.clear();
    m_index = -1;
    m_viewer->clear();
    m_position->clear();
}

const dicom::InstanceInfo* SeriesViewer::currentInstance() const {
    if (!m_series || m_index < 0 || m_index >= frameCount()) {
        return nullptr;
    }
    return &m_series.series->instances[m_frames[m_index].instance];
}

FrameRef SeriesViewer::currentFrame() const {
    return m_index >= 0 && m_index < frameCount() ? m_frames[m_index] : FrameRef{};
}

void SeriesViewer::setIndex(int index) {
    if (m_frames.empty()) {
        return;
    }
    index = std::clamp(index, 0, frameCount() - 1);
    if (index == m_index) {
        return;
    }
    m_index = index;
    {
        QSignalBlocker block(m_slider);
        m_slider->setValue(index);
    }
    m_position->setText(tr("%1 / %2").arg(index + 1).arg(frameCount()));
    showCurrent();
    prefetchNeighbours();
    Q_EMIT indexChanged(index, frameCount());
}

void SeriesViewer::step(int delta) { setIndex(m_index + delta); }

void SeriesViewer::showCurrent() {
    const dicom::InstanceInfo* instance = currentInstance();
    const FrameRef ref = currentFrame();
    FramePtr frame = m_cache.get(*instance, ref.frame);
    if (!frame) {
        m_waitingFor = FrameCache::keyOf(*instance, ref.frame);
        return;  // onFrameReady shows it
    }
    m_waitingFor.clear();
    const bool keepWindow = m_windowSet && frame->isGrey();
    m_viewer->setFrame(*frame, dicom::defaultWindow(*instance, *frame), pixelAspect(*instance),
                       keepWindow);
    m_windowSet = true;
    updateOverlay();
    Q_EMIT frameShown();
}

void SeriesViewer::onFrameReady(const QString& key) {
    if (key == m_waitingFor) {
        showCurrent();
    }
}

void SeriesViewer::prefetchNeighbours() {
    for (int d = 1; d <= kPrefetchRadius; ++d) {
        for (int i : {m_index + d, m_index - d}) {
            if (i >= 0 && i < frameCount()) {
                const FrameRef& ref = m_frames[i];
                m_cache.prefetch(m_series.series->instances[ref.instance], ref.frame);
            }
        }
    }
}

double SeriesViewer::pixelAspect(const dicom::InstanceInfo& instance) const {
    const auto& s = instance.spacing;
    return (s.row > 0 && s.column > 0) ? s.row / s.column : 1.0;
}

void SeriesViewer::updateOverlay() {
    const dicom::InstanceInfo* instance = currentInstance();
    if (!instance) {
        return;
    }
    const auto& patient = *m_series.patient;
    const auto& study = *m_series.study;
    const auto& series = *m_series.series;
    OverlayText text;
    QStringList tl{personName(patient.name)};
    if (!patient.patientId.empty()) {
        tl << tr("ID %1").arg(fromDicom(patient.patientId));
    }
    if (!patient.birthDate.empty()) {
        tl << tr("Born %1").arg(dicomDate(patient.birthDate));
    }
    if (!patient.sex.empty()) {
        tl << tr("Sex %1").arg(fromDicom(patient.sex));
    }
    text.topLeft = tl.join(QLatin1Char('\n'));
    text.topRight = QStringList{fromDicom(study.description), dicomDate(study.date),
                                seriesTitle(series)}
                        .join(QLatin1Char('\n'))
                        .trimmed();
    QString bl = tr("Image %1 / %2").arg(m_index + 1).arg(frameCount());
    if (instance->sliceLocation) {
        bl += QLatin1Char('\n') + tr("Location %1 mm").arg(QLocale().toString(*instance->sliceLocation, 'f', 1));
    }
    text.bottomLeft = bl;
    text.bottomRightExtra = spacingText(instance->spacing);
    m_viewer->setOverlayText(text);
}

}  // namespace ui
