// The first start: with no profile the real app (in-process, no --demo) shows the
// welcome panel, with its ways on, instead of the tabs and their "not connected"
// errors; no message box pops up; once a profile exists the tabs come back.
#include "app/apprunner.h"
#include "core/session/session.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ica;

class TestFirstRun final : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    QTemporaryDir m_data;

private Q_SLOTS:
    void initTestCase() {
        // A home without ~/.icav2: nothing to import, as on a fresh account.
        qputenv("HOME", m_home.path().toLocal8Bit());
    }

    void noProfileShowsTheWelcomePanelThenTheTabs() {
        app::AppOptions options;
        options.dataDir = m_data.path();
        app::AppRunner runner(options);
        QString error;
        QVERIFY2(runner.start(&error), qPrintable(error));
        ui::MainWindow *window = runner.window();
        QVERIFY(QTest::qWaitForWindowExposed(window));

        auto *central = qobject_cast<QStackedWidget *>(window->centralWidget());
        QVERIFY(central);
        QCOMPARE(central->currentWidget()->objectName(), QStringLiteral("welcomePanel"));
        for (const char *name : {"addProfileButton", "importIcav2Button", "tryDemoButton"}) {
            auto *button = window->findChild<QPushButton *>(QLatin1String(name));
            QVERIFY2(button && button->isVisible(), name);
        }
        QVERIFY(!window->findChild<QWidget *>(QStringLiteral("mainTabs"))->isVisible());
        for (QWidget *top : QApplication::topLevelWidgets())
            QVERIFY2(!(qobject_cast<QMessageBox *>(top) && top->isVisible()),
                     "no message box at a first start");

        // Import with nothing to import says so on the panel.
        window->findChild<QPushButton *>(QStringLiteral("importIcav2Button"))->click();
        auto *message = window->findChild<QLabel *>(QStringLiteral("welcomeMessage"));
        QTRY_VERIFY(message->text().contains(QLatin1String("icav2")));

        // A profile (as the manager dialog would add one): the tabs are back.
        runner.session()->addDemoProfile(QUrl(QStringLiteral("http://127.0.0.1:9/ica/rest")),
                                         QStringLiteral("not-a-real-key"));
        QCOMPARE(central->currentWidget()->objectName(), QStringLiteral("mainTabs"));
        window->close();
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
