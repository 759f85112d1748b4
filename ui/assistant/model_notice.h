#pragma once
// The banner above the prompt: says whether a model is ready, loading or missing, and when
// missing, exactly how to get MedGemma and where to select it.
// Thread-safety: GUI thread only.

#include <QFrame>

#include "ui/drafting_service.h"

class QLabel;

namespace ui {

class ModelNotice : public QFrame {
    Q_OBJECT
public:
    explicit ModelNotice(QWidget* parent = nullptr);
    void setState(ModelState state, const QString& detail);
    QString text() const;

    static QString howToGetModel();

Q_SIGNALS:
    void chooseModelRequested();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void keepWholeTextVisible();

    QLabel* m_label = nullptr;
};

}  // namespace ui
