// The one place status and severity colours and icons come from (ui/style): every
// tone reads (WCAG contrast) on the light Fusion palette, on the dark palette and
// on an awkward grey one; the icon set is complete and tinted for the palette; and
// switching to the dark palette at run time re-colours a widget showing a status.
#include "ui/monitor/batchsummarypanel.h"
#include "ui/style/colorscheme.h"
#include "ui/style/icons.h"
#include "ui/style/statusstyle.h"
#include "ui/style/tones.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

#include <memory>

using namespace ica;
using namespace ica::ui;

namespace {

const QList<Tone> AllTones{Tone::Neutral, Tone::Active, Tone::Success, Tone::Warning, Tone::Error};
const QList<StatusKind> AllKinds{StatusKind::Unknown,   StatusKind::Queued,  StatusKind::Running,
                                 StatusKind::Succeeded, StatusKind::Partial, StatusKind::Failed,
                                 StatusKind::Stopped};

QPalette lightFusion() {
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion->standardPalette();
}

/// The colour in the middle of the top of a status disc (inside the disc, clear of
/// its glyph).
QColor discColour(const QIcon &icon) {
    const QImage image = icon.pixmap(32, 32).toImage();
    return image.pixelColor(16, 5);
}

bool near(const QColor &a, const QColor &b) {
    return qAbs(a.red() - b.red()) <= 8 && qAbs(a.green() - b.green()) <= 8 &&
           qAbs(a.blue() - b.blue()) <= 8;
}

} // namespace

class TstStatusStyle final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { setDarkPalette(false); }

    void everyToneReadsOnLightAndDark_data() {
        QTest::addColumn<QPalette>("palette");
        QTest::addColumn<bool>("dark");
        QTest::newRow("light Fusion") << lightFusion() << false;
        QTest::newRow("dark") << darkPalette() << true;
        // A mid-grey window: the starting shades do not read, the nudging must.
        QPalette grey = lightFusion();
        grey.setColor(QPalette::Window, QColor(0x9e, 0x9e, 0x9e));
        grey.setColor(QPalette::Base, QColor(0xb0, 0xb0, 0xb0));
        QTest::newRow("grey") << grey << false;
    }

    void everyToneReadsOnLightAndDark() {
        QFETCH(QPalette, palette);
        QFETCH(bool, dark);
        QCOMPARE(isDarkPalette(palette), dark);
        QSet<QRgb> seen;
        for (const Tone tone : AllTones) {
            const QColor color = toneColor(tone, palette);
            for (const QPalette::ColorRole background : {QPalette::Window, QPalette::Base}) {
                const double ratio = contrastRatio(color, palette.color(background));
                QVERIFY2(ratio >= MinimumContrast,
                         qPrintable(QStringLiteral("tone %1 %2 on %3: contrast %4")
                                        .arg(int(tone))
                                        .arg(color.name(), palette.color(background).name())
                                        .arg(ratio)));
            }
            seen.insert(color.rgb());
        }
        QCOMPARE(seen.size(), AllTones.size()); // five tones, five colours
        // Every status and job status maps to one of them, readable likewise.
        for (const StatusKind kind : AllKinds)
            QVERIFY(contrastRatio(toneColor(toneOf(kind), palette),
                                  palette.color(QPalette::Base)) >= 3.0);
        for (int v = JobStatus::Unknown; v <= JobStatus::Failed; ++v)
            QVERIFY(contrastRatio(jobStatusColor(JobStatus(JobStatus::Value(v)), palette),
                                  palette.color(QPalette::Window)) >= 3.0);
    }

    void statusesMapToTheirKinds() {
        QCOMPARE(statusKind(JobStatus(JobStatus::WaitingForResources)), StatusKind::Queued);
        QCOMPARE(statusKind(JobStatus(JobStatus::Running)), StatusKind::Running);
        QCOMPARE(statusKind(JobStatus(JobStatus::PartiallySucceeded)), StatusKind::Partial);
        QCOMPARE(statusKind(JobStatus(JobStatus::Stopped)), StatusKind::Stopped);
        QCOMPARE(statusKind(ItemStatus::Updating), StatusKind::Running);
        QCOMPARE(statusKind(ItemStatus::Updated), StatusKind::Succeeded);
        QCOMPARE(statusKind(ItemStatus::Failed), StatusKind::Failed);
        QCOMPARE(toneOf(StatusKind::Stopped), Tone::Error);
        QCOMPARE(toneOf(StatusKind::Queued), Tone::Active);
    }

    void theIconSetIsCompleteAndTinted() {
        const QStringList paths = iconResourcePaths();
        QCOMPARE(paths.size(), 17);
        for (const QString &path : paths) {
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            QVERIFY2(file.readAll().contains("currentColor"), qPrintable(path));
        }
        for (const QPalette &palette : {lightFusion(), darkPalette()}) {
            for (const StatusKind kind : AllKinds) {
                const QIcon icon = statusIcon(kind, palette);
                QVERIFY(!icon.pixmap(16, 16).isNull());
            }
            // A filled disc's colour is the tone's colour on that palette.
            const QColor disc = discColour(statusIcon(StatusKind::Succeeded, palette));
            QVERIFY2(near(disc, toneColor(Tone::Success, palette)),
                     qPrintable(disc.name() + QLatin1Char('/') +
                                toneColor(Tone::Success, palette).name()));
            for (const Tone tone : AllTones)
                QVERIFY(!severityIcon(tone, palette).pixmap(16, 16).isNull());
            const QImage close = actionIcon(ActionIcon::Close, palette).pixmap(16, 16).toImage();
            QVERIFY(!close.isNull());
        }
        // Not the same pixels on both palettes.
        QVERIFY(!near(discColour(statusIcon(StatusKind::Failed, lightFusion())),
                      discColour(statusIcon(StatusKind::Failed, darkPalette()))));
    }

    void switchingToTheDarkPaletteRecoloursAStatus() {
        BatchSummaryPanel panel;
        Batch batch;
        batch.id = QStringLiteral("0d6c7b0e-1111-4222-8333-444455556666");
        batch.job.status = JobStatus(JobStatus::Failed);
        panel.setBatch(batch);
        QLabel error(QStringLiteral("Something failed"));
        setTextTone(&error, Tone::Error);
        panel.show();
        error.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *status = panel.findChild<QLabel *>(QStringLiteral("jobStatusLabel"));
        auto *dot = panel.findChild<QLabel *>(QStringLiteral("jobStatusDot"));
        const QColor lightText = status->palette().color(QPalette::WindowText);
        const QColor lightDot = dot->pixmap().toImage().pixelColor(8, 2);
        QCOMPARE(lightText, jobStatusColor(JobStatus::Failed, status->palette()));
        QVERIFY(!isDarkPalette(status->palette()));

        setDarkPalette(true);
        QVERIFY(isDarkPaletteOn());
        QTRY_VERIFY(isDarkPalette(status->palette()));
        QTRY_COMPARE(status->palette().color(QPalette::WindowText),
                     jobStatusColor(JobStatus::Failed, darkPalette()));
        QVERIFY(status->palette().color(QPalette::WindowText) != lightText);
        QCOMPARE(status->property("statusColor").toString(),
                 jobStatusColor(JobStatus::Failed, darkPalette()).name());
        QVERIFY(contrastRatio(status->palette().color(QPalette::WindowText),
                              status->palette().color(QPalette::Window)) >= MinimumContrast);
        QVERIFY(!near(dot->pixmap().toImage().pixelColor(8, 2), lightDot));
        QCOMPARE(error.palette().color(QPalette::WindowText),
                 toneColor(Tone::Error, darkPalette()));

        // And back.
        setDarkPalette(false);
        QTRY_COMPARE(status->palette().color(QPalette::WindowText), lightText);
        QVERIFY(!isDarkPalette(error.palette()));
        QCOMPARE(error.palette().color(QPalette::WindowText),
                 toneColor(Tone::Error, error.palette()));
        clearTextTone(&error);
        QCOMPARE(error.palette().color(QPalette::WindowText),
                 QApplication::palette().color(QPalette::WindowText));
    }
};

QTEST_MAIN(TstStatusStyle)
#include "tst_statusstyle.moc"
