#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    ica::ui::MainWindow window;
    window.show();
    return app.exec();
}
