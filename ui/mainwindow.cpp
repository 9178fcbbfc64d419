#include "mainwindow.h"

#include <QLabel>

namespace ica::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent) {
    setWindowTitle(tr("ICA Tagger"));
    auto *label = new QLabel(tr("ICA Tagger"), this);
    label->setAlignment(Qt::AlignCenter);
    setCentralWidget(label);
    resize(1100, 720);
}

} // namespace ica::ui
