// The app's look, end to end: --dark starts the real app (in-process) with the
// dark palette; View > Dark Palette switches at run time and is kept in the
// settings for the next start; and the AppStream metainfo names only screenshots
// the screenshot tour really takes.
#include "app/apprunner.h"
#include "app/screenshottour.h"
#include "ui/mainwindow.h"
#include "ui/style/colorscheme.h"
#include "ui/style/tones.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace ica;

class TestAppearance final : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    QTemporaryDir m_data;

    QVariant storedSetting() const {
        QSettings settings(m_data.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        return settings.value(ui::DarkPaletteSettingKey);
    }

private Q_SLOTS:
    void initTestCase() {
        // A home without ~/.icav2: no import offer pops up.
        qputenv("HOME", m_home.path().toLocal8Bit());
    }

    void cleanup() { ui::setDarkPalette(false); }

    void darkOptionAndMenuAndTheSetting() {
        app::AppOptions options;
        QString error;
        QVERIFY(app::AppOptions::parse({QStringLiteral("ica-tagger"), QStringLiteral("--dark"),
                                        QStringLiteral("--data-dir"), m_data.path()},
                                       &options, &error));
        QVERIFY(options.dark);
        {
            app::AppRunner runner(options);
            QVERIFY2(runner.start(&error), qPrintable(error));
            ui::MainWindow *window = runner.window();
            QVERIFY(QTest::qWaitForWindowExposed(window));
            QVERIFY(ui::isDarkPaletteOn());
            QVERIFY(ui::isDarkPalette(window->palette()));
            auto *action = window->findChild<QAction *>(QStringLiteral("darkPaletteAction"));
            QVERIFY(action);
            QVERIFY(action->isChecked());
            // --dark is for this run: nothing stored yet.
            QVERIFY(!storedSetting().isValid());

            action->trigger(); // off
            QVERIFY(!ui::isDarkPaletteOn());
            QTRY_VERIFY(!ui::isDarkPalette(window->palette()));
            QCOMPARE(storedSetting().toBool(), false);
            action->trigger(); // on, and kept
            QTRY_VERIFY(ui::isDarkPalette(window->palette()));
            QCOMPARE(storedSetting().toBool(), true);
            window->close();
        }
        ui::setDarkPalette(false);

        // The next start, without --dark, comes up dark from the setting.
        app::AppOptions plain;
        plain.dataDir = m_data.path();
        app::AppRunner runner(plain);
        QVERIFY2(runner.start(&error), qPrintable(error));
        QVERIFY(ui::isDarkPaletteOn());
        QVERIFY(runner.window()
                    ->findChild<QAction *>(QStringLiteral("darkPaletteAction"))
                    ->isChecked());
        runner.window()->close();
    }

    void metainfoNamesScreenshotsTheTourTakes() {
        QFile file(QStringLiteral(
            ICATAG_SOURCE_DIR "/resources/linux/io.github.icatagger.IcaTagger.metainfo.xml.in"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString xml = QString::fromUtf8(file.readAll());
        static const QRegularExpression image(QStringLiteral("<image>[^<]*/([^/<]+)</image>"));
        const QStringList shots = app::ScreenshotTour::shotFiles();
        int named = 0;
        for (auto it = image.globalMatch(xml); it.hasNext(); ++named) {
            const QString name = it.next().captured(1);
            QVERIFY2(shots.contains(name), qPrintable(name + QStringLiteral(" is not a shot")));
        }
        QVERIFY(named >= 3);
        // The must-haves are among the shots.
        for (const char *wanted :
             {"00-icon.png", "01-first-run.png", "05-monitor-finished.png", "06-monitor-dark.png"})
            QVERIFY2(shots.contains(QLatin1String(wanted)), wanted);
    }
};

QTEST_MAIN(TestAppearance)
#include "tst_appearance.moc"
