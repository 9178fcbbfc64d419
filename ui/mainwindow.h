#pragma once

#include <QMainWindow>

namespace ica::ui {

/// The application's main window.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace ica::ui
