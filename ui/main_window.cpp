#include "ui/main_window.h"

namespace ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("MedGemma Workstation"));
}

MainWindow::~MainWindow() = default;

}  // namespace ui
