#include "ui/viewer/series_viewer.h"

#include <algorithm>

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QVBoxLayout>

#include "dicom/display.h"
#include "ui/common/dicom_text.h"
#include "ui/viewer/cine_controls.h"
#include "ui/viewer/cine_player.h"
#include "ui/viewer/image_viewer.h"

namespace ui {
namespace {
// Frames decoded ahead of the one shown in the scrolling direction, and behind it. Ahead covers
// about a tenth of a second of fast wheel scrolling on a 500-slice series.
constexpr int kPrefetchAhead = 8;
constexpr int kPrefetchBehind = 2;
}  // namespace

SeriesViewer::SeriesViewer(FrameCache& cache, QWidget* parent)
    : QWidget(parent), m_cache(cache), m_cacheAlive(&cache) {
    m_viewer = new ImageViewer(this);
    m_cine = new CinePlayer(*this);
    m_cineControls = new CineControls(*m_cine, this);
    m_cineControls->setEnabled(false);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setEnabled(false);
    m_slider->setAccessibleName(tr("Slice"));
    m_position = new QLabel(this);
    m_position->setMinimumWidth(80);
    m_position->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 2);
    bar->addWidget(m_cineControls);
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
                    m_viewer->setLoading(false);
                    Q_EMIT frameFailed(message);
                }
            });
    connect(m_viewer, &ImageViewer::windowChanged, this, [this] { updateOverlay(); });
}

SeriesViewer::~SeriesViewer() {
    if (m_cacheAlive) {
        m_cache.withdraw(this);
    }
}

void SeriesViewer::buildFrames() {
    m_frames.clear();
    if (!m_series) {
        return;
    }
    const auto& instances = m_series.series->instances;
    for (int i = 0; i < int(instances.size()); ++i) {
        for (int f = 0; f < std::max(1, instances[i].frames); ++f) {
            m_frames.push_back({i, f});
        }
    }
}

void SeriesViewer::showSeries(const SeriesRef& series) {
    m_cine->setPlaying(false);
    m_series = series;
    m_seriesUid = series ? QString::fromStdString(series.series->seriesInstanceUid) : QString();
    buildFrames();
    m_windowSet = false;
    m_index = -1;
    m_direction = 0;
    m_waitingFor.clear();
    // Never show the previous series' pixels under the new series' overlay while decoding.
    m_viewer->clear();
    {
        QSignalBlocker block(m_slider);
        m_slider->setRange(0, std::max(0, frameCount() - 1));
        m_slider->setValue(0);
        m_slider->setEnabled(frameCount() > 1);
    }
    m_cineControls->setEnabled(frameCount() > 1);
    if (m_frames.empty()) {
        clear();
        return;
    }
    m_viewer->setLoading(true);
    Q_EMIT seriesChanged();
    // Start in the middle of a volume, where the anatomy is; a single image is its own middle.
    setIndex(frameCount() > 2 ? frameCount() / 2 : 0);
}

void SeriesViewer::rebind(const SeriesRef& series) {
    if (!series) {
        clear();
        return;
    }
    const std::string sop = m_currentSop;
    const int frame = currentFrame().frame;
    m_series = series;
    buildFrames();
    int index = std::clamp(m_index, 0, std::max(0, frameCount() - 1));
    for (int i = 0; i < frameCount(); ++i) {
        const FrameRef& ref = m_frames[i];
        if (ref.frame == frame && series.series->instances[ref.instance].sopInstanceUid == sop) {
            index = i;
            break;
        }
    }
    QSignalBlocker block(m_slider);
    m_slider->setRange(0, std::max(0, frameCount() - 1));
    m_slider->setEnabled(frameCount() > 1);
    m_cineControls->setEnabled(frameCount() > 1);
    m_index = -1;  // shows `index` again through the new pointers
    setIndex(index);
}

void SeriesViewer::clear() {
    m_cine->setPlaying(false);
    m_cache.withdraw(this);
    const bool hadSeries = bool(m_series);
    m_series = {};
    m_seriesUid.clear();
    m_currentSop.clear();
    m_frames.clear();
    m_index = -1;
    m_waitingFor.clear();
    m_viewer->clear();
    m_position->clear();
    {
        // An empty viewport shows no position, the slider included.
        QSignalBlocker block(m_slider);
        m_slider->setRange(0, 0);
        m_slider->setValue(0);
    }
    m_slider->setEnabled(false);
    m_cineControls->setEnabled(false);
    if (hadSeries) {
        Q_EMIT seriesChanged();
    }
}

QString SeriesViewer::seriesUid() const {
    return m_seriesUid;
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
    if (m_index >= 0) {
        m_direction = index >= m_index ? 1 : -1;
    }
    m_index = index;
    m_currentSop = currentInstance()->sopInstanceUid;
    {
        QSignalBlocker block(m_slider);
        m_slider->setValue(index);
    }
    m_position->setText(tr("%1 / %2").arg(index + 1).arg(frameCount()));
    requestFrames();
    Q_EMIT indexChanged(index, frameCount());
}

void SeriesViewer::step(int delta) { setIndex(m_index + delta); }

void SeriesViewer::requestFrames() {
    const FrameRef ref = currentFrame();
    const auto& instances = m_series.series->instances;
    std::vector<FrameRequest> around;
    const auto add = [&](int i) {
        if (i >= 0 && i < frameCount()) {
            around.push_back({&instances[m_frames[i].instance], m_frames[i].frame});
        }
    };
    // Before the first step nothing says which way the reader will go: look both ways.
    const int behind = m_direction == 0 ? kPrefetchAhead / 2 : kPrefetchBehind;
    const int ahead = m_direction == 0 ? kPrefetchAhead / 2 : kPrefetchAhead;
    const int direction = m_direction == 0 ? 1 : m_direction;
    for (int d = 1; d <= std::max(ahead, behind); ++d) {
        if (d <= ahead) {
            add(m_index + d * direction);
        }
        if (d <= behind) {
            add(m_index - d * direction);
        }
    }
    const dicom::InstanceInfo& instance = instances[ref.instance];
    FramePtr frame = m_cache.request(this, {&instance, ref.frame}, around);
    if (!frame) {
        // The last frame stays on screen until this one is decoded (onFrameReady).
        m_waitingFor = FrameCache::keyOf(instance, ref.frame);
        return;
    }
    showCurrent(std::move(frame));
}

void SeriesViewer::showCurrent(FramePtr frame) {
    m_waitingFor.clear();
    const dicom::InstanceInfo& instance = *currentInstance();
    const bool keepWindow = m_windowSet && frame->isGrey();
    const dicom::WindowPreset window = dicom::defaultWindow(instance, *frame);
    m_viewer->setFrame(std::move(frame), window, pixelAspect(instance), keepWindow);
    m_windowSet = true;
    updateOverlay();
    Q_EMIT frameShown();
}

void SeriesViewer::onFrameReady(const QString& key) {
    if (key != m_waitingFor) {
        return;
    }
    const FrameRef ref = currentFrame();
    if (FramePtr frame = m_cache.cached(*currentInstance(), ref.frame)) {
        showCurrent(std::move(frame));
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
    QStringList tl{patient.kind == dicom::SourceKind::Photograph
                       ? tr("Photographs — no patient data")
                       : personName(patient.name)};
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
    if (instance->frames > 1) {
        bl += QLatin1Char('\n') +
              tr("Frame %1 / %2").arg(currentFrame().frame + 1).arg(instance->frames);
    }
    if (instance->sliceLocation) {
        bl += QLatin1Char('\n') + tr("Location %1 mm").arg(QLocale().toString(*instance->sliceLocation, 'f', 1));
    }
    text.bottomLeft = bl;
    text.bottomRightExtra = spacingText(instance->spacing);
    m_viewer->setOverlayText(text);
}

}  // namespace ui
