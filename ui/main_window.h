#pragma once
// The workstation's main window: study browser (left), viewer (centre), prompt panel and report
// editor (right). It only lays out and wires the panels; each panel owns its own behaviour.
// Thread-safety: GUI thread only.

#include <QMainWindow>

namespace ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;
};

}  // namespace ui
