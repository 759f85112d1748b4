#include "ui/assistant/sampling_panel.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLocale>
#include <QSettings>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/common/settings_keys.h"

namespace ui {
namespace {

QDoubleSpinBox* doubleBox(QWidget* parent, double min, double max, double step, int decimals) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(min, max);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    return box;
}

QSpinBox* intBox(QWidget* parent, int min, int max) {
    auto* box = new QSpinBox(parent);
    box->setRange(min, max);
    return box;
}

QString key(const char* name) {
    return settings::samplingPrefix() + QLatin1String(name);
}

}  // namespace

SamplingPanel::SamplingPanel(QWidget* parent) : QWidget(parent) {
    m_header = new QToolButton(this);
    m_header->setCheckable(true);
    m_header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_header->setAutoRaise(true);
    m_header->setAccessibleName(tr("Advanced sampling settings"));
    m_body = new QWidget(this);
    buildFields(m_body);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_body);
    connect(m_header, &QToolButton::toggled, this, &SamplingPanel::setExpanded);

    QSettings s;
    DraftSampling d;
    d.temperature = s.value(key("temperature"), d.temperature).toDouble();
    d.topK = s.value(key("topK"), d.topK).toInt();
    d.topP = s.value(key("topP"), d.topP).toDouble();
    d.minP = s.value(key("minP"), d.minP).toDouble();
    d.repetitionPenalty = s.value(key("repetitionPenalty"), d.repetitionPenalty).toDouble();
    d.seed = s.value(key("seed"), d.seed).toULongLong();
    d.maxNewTokens = s.value(key("maxNewTokens"), d.maxNewTokens).toInt();
    setSampling(d);
    setExpanded(false);
}

void SamplingPanel::buildFields(QWidget* body) {
    m_temperature = doubleBox(body, 0.0, 2.0, 0.1, 2);
    m_temperature->setToolTip(
        tr("0 chooses the most likely word every time (greedy): the same "
           "images and prompt give the same draft."));
    m_topK = intBox(body, 0, 1000);
    m_topK->setToolTip(tr("Sample only among the k most likely tokens (0 = no limit)."));
    m_topP = doubleBox(body, 0.0, 1.0, 0.05, 2);
    m_minP = doubleBox(body, 0.0, 1.0, 0.01, 2);
    m_repetition = doubleBox(body, 1.0, 2.0, 0.05, 2);
    m_seed = intBox(body, 0, 2147483647);
    m_maxTokens = intBox(body, 1, 8192);
    m_maxTokens->setSuffix(tr(" tokens"));
    auto* form = new QFormLayout(body);
    form->setContentsMargins(16, 2, 2, 2);
    form->addRow(tr("Temperature:"), m_temperature);
    form->addRow(tr("Top-k:"), m_topK);
    form->addRow(tr("Top-p:"), m_topP);
    form->addRow(tr("Min-p:"), m_minP);
    form->addRow(tr("Repetition penalty:"), m_repetition);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(tr("Longest answer:"), m_maxTokens);
    for (auto* box : {m_temperature, m_topP, m_minP, m_repetition}) {
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] {
            save();
            updateSummary();
            Q_EMIT changed();
        });
    }
    for (auto* box : {m_topK, m_seed, m_maxTokens}) {
        connect(box, &QSpinBox::valueChanged, this, [this] {
            save();
            updateSummary();
            Q_EMIT changed();
        });
    }
}

DraftSampling SamplingPanel::sampling() const {
    DraftSampling d;
    d.temperature = m_temperature->value();
    d.topK = m_topK->value();
    d.topP = m_topP->value();
    d.minP = m_minP->value();
    d.repetitionPenalty = m_repetition->value();
    d.seed = quint64(m_seed->value());
    d.maxNewTokens = m_maxTokens->value();
    return d;
}

void SamplingPanel::setSampling(const DraftSampling& d) {
    const QSignalBlocker blocks[] = {QSignalBlocker(m_temperature), QSignalBlocker(m_topK),
                                     QSignalBlocker(m_topP),        QSignalBlocker(m_minP),
                                     QSignalBlocker(m_repetition),  QSignalBlocker(m_seed),
                                     QSignalBlocker(m_maxTokens)};
    m_temperature->setValue(d.temperature);
    m_topK->setValue(d.topK);
    m_topP->setValue(d.topP);
    m_minP->setValue(d.minP);
    m_repetition->setValue(d.repetitionPenalty);
    m_seed->setValue(int(std::min<quint64>(d.seed, 2147483647)));
    m_maxTokens->setValue(d.maxNewTokens);
    updateSummary();
}

void SamplingPanel::setExpanded(bool expanded) {
    {
        QSignalBlocker block(m_header);
        m_header->setChecked(expanded);
    }
    m_header->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_body->setVisible(expanded);
}

bool SamplingPanel::isExpanded() const {
    return m_header->isChecked();
}

void SamplingPanel::updateSummary() {
    const DraftSampling d = sampling();
    const QString mode = d.temperature <= 0.0
                             ? tr("greedy")
                             : tr("temperature %1").arg(QLocale().toString(d.temperature, 'f', 2));
    m_header->setText(tr("Advanced settings: %1, answers up to %2 tokens")
                          .arg(mode, QLocale().toString(d.maxNewTokens)));
}

void SamplingPanel::save() const {
    const DraftSampling d = sampling();
    QSettings s;
    s.setValue(key("temperature"), d.temperature);
    s.setValue(key("topK"), d.topK);
    s.setValue(key("topP"), d.topP);
    s.setValue(key("minP"), d.minP);
    s.setValue(key("repetitionPenalty"), d.repetitionPenalty);
    s.setValue(key("seed"), d.seed);
    s.setValue(key("maxNewTokens"), d.maxNewTokens);
}

}  // namespace ui
