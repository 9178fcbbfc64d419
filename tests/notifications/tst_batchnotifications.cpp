// BatchEndNotifier and DesktopNotifier against the real simulator and a real session
// D-Bus: a notification service (below, registered under the freedesktop name on its
// own bus connection, as a desktop's would be) receives Notify when a watched batch
// ends while the app is not active, with the batch, its project and the final counts;
// invoking its action asks for that batch to be opened. Nothing is shown while the
// app is active or when the setting is off.
#include "tests/support/worldtestcase.h"
#include "ui/appicon.h"
#include "ui/notifications/batchendnotifier.h"
#include "ui/notifications/desktopnotifier.h"

#include "core/api/batchapi.h"

#include <QDBusConnection>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ica;
using ica::test::TestWorld;

namespace {

/// A freedesktop notification server, as small as the protocol allows: it records
/// every Notify and can invoke an action like a click would.
class NotificationService final : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Shown {
        uint id = 0;
        QString appName;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
    };
    QList<Shown> shown;

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &icon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int timeout) {
        Q_UNUSED(replacesId)
        Q_UNUSED(icon)
        Q_UNUSED(timeout)
        const uint id = uint(shown.size()) + 41;
        shown.append({id, appName, summary, body, actions, hints});
        return id;
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &actionKey);
    void NotificationClosed(uint id, uint reason);
};

} // namespace

class TestBatchNotifications final : public ica::test::WorldTestCase {
    Q_OBJECT

public:
    TestBatchNotifications()
        : WorldTestCase(TestWorld::bulkFolderWorld()) {}

private:
    NotificationService service;
    QTemporaryDir dir;

    /// The final item counts, read here by listing every item (not as the notifier does).
    QHash<ItemStatus::Value, int> countItems(const QString &batchId) {
        QHash<ItemStatus::Value, int> counts;
        std::optional<Result<BatchItemPage>> answer;
        ItemsQuery query;
        query.page = PageRequest::atOffset(0, 1000);
        BatchApi(world->client)
            .listItems(world->projectId, batchId, query, this,
                       [&answer](const Result<BatchItemPage> &r) { answer = r; });
        if (!QTest::qWaitFor([&answer]() { return answer.has_value(); }, Timeout) || !answer->ok())
            return counts;
        for (const BatchItem &item : answer->value->items)
            ++counts[item.status.value()];
        return counts;
    }

private Q_SLOTS:
    void initTestCase() {
        QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                                            QStringLiteral("notification-service"));
        QVERIFY2(bus.isConnected(), "no session D-Bus: run under scripts/with-keyring.sh");
        QVERIFY(bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &service,
                                   QDBusConnection::ExportAllSlots |
                                       QDBusConnection::ExportAllSignals));
        QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.Notifications")));
        QVERIFY2(startWorld(), qPrintable(world->startError()));
    }

    void aBatchEndingInTheBackgroundIsNotifiedAndOpensOnClick() {
        QSettings settings(dir.filePath(QStringLiteral("a.ini")), QSettings::IniFormat);
        ui::DesktopNotifier desktop;
        ui::BatchEndNotifier notifier(&settings, &desktop);
        notifier.setActiveCheck([]() { return false; }); // another app is in front
        notifier.setPollInterval(std::chrono::milliseconds(100));
        notifier.setProjectNamer([](const QString &) { return QStringLiteral("Sequencing runs"); });
        notifier.setClient(world->client);
        QSignalSpy open(&notifier, &ui::BatchEndNotifier::openRequested);
        QSignalSpy ended(&notifier, &ui::BatchEndNotifier::batchEnded);

        const QStringList ids = world->childIds(world->bulkFolder).mid(0, 25);
        const QString batchId =
            world->createBatch(ids, TagUpdate{{QStringLiteral("notified")}, {}});
        QVERIFY(!batchId.isEmpty());
        notifier.watch(world->projectId, batchId);
        world->sim().advance(std::chrono::seconds(120));
        QVERIFY(ended.wait(Timeout));
        QCOMPARE(ended.at(0).at(2).toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(service.shown.size(), 1, Timeout);

        const NotificationService::Shown shown = service.shown.constFirst();
        QVERIFY2(shown.summary.startsWith(QLatin1String("Batch ")), qPrintable(shown.summary));
        QVERIFY2(shown.body.contains(batchId.left(8)), qPrintable(shown.body));
        QVERIFY2(shown.body.contains(QLatin1String("Sequencing runs")), qPrintable(shown.body));
        const QHash<ItemStatus::Value, int> counts = countItems(batchId);
        QCOMPARE(counts.value(ItemStatus::Updated) + counts.value(ItemStatus::PartiallyUpdated) +
                     counts.value(ItemStatus::Failed),
                 ids.size());
        if (counts.value(ItemStatus::Updated) > 0)
            QVERIFY2(shown.body.contains(
                         QStringLiteral("%1 updated").arg(counts.value(ItemStatus::Updated))),
                     qPrintable(shown.body));
        if (counts.value(ItemStatus::Failed) > 0)
            QVERIFY2(shown.body.contains(
                         QStringLiteral("%1 failed").arg(counts.value(ItemStatus::Failed))),
                     qPrintable(shown.body));
        QVERIFY(shown.actions.contains(QStringLiteral("default")));
        QCOMPARE(shown.hints.value(QStringLiteral("desktop-entry")).toString(), ui::AppId);

        // A click on it: the batch is asked for.
        Q_EMIT service.ActionInvoked(shown.id, QStringLiteral("default"));
        QVERIFY(open.wait(Timeout));
        QCOMPARE(open.at(0).at(0).toString(), world->projectId);
        QCOMPARE(open.at(0).at(1).toString(), batchId);
        // Another notification's ID means nothing to it.
        Q_EMIT service.ActionInvoked(shown.id + 1000, QStringLiteral("default"));
        QTest::qWait(0);
        QCOMPARE(open.count(), 1);
    }

    void nothingIsShownWhileActiveOrWhenTurnedOff() {
        const qsizetype before = service.shown.size();
        QSettings settings(dir.filePath(QStringLiteral("b.ini")), QSettings::IniFormat);
        ui::DesktopNotifier desktop;
        ui::BatchEndNotifier notifier(&settings, &desktop);
        bool active = true;
        notifier.setActiveCheck([&active]() { return active; });
        notifier.setPollInterval(std::chrono::milliseconds(100));
        notifier.setClient(world->client);
        QSignalSpy ended(&notifier, &ui::BatchEndNotifier::batchEnded);

        const QStringList ids = world->childIds(world->bulkFolder).mid(30, 5);
        const QString batchId = world->createBatch(ids, TagUpdate{{QStringLiteral("quiet")}, {}});
        notifier.watch(world->projectId, batchId);
        world->sim().advance(std::chrono::seconds(120));
        QVERIFY(ended.wait(Timeout));
        QCOMPARE(ended.at(0).at(2).toBool(), false);

        // Off: the setting is kept, and batches are not even watched.
        QVERIFY(notifier.isEnabled());
        notifier.setEnabled(false);
        QCOMPARE(settings.value(QStringLiteral("notifications/batchEnded")).toBool(), false);
        active = false;
        const QString second = world->createBatch(world->childIds(world->bulkFolder).mid(40, 5),
                                                  TagUpdate{{QStringLiteral("off")}, {}});
        notifier.watch(world->projectId, second);
        world->sim().advance(std::chrono::seconds(120));
        // A round trip through the service proves nothing is queued on the bus.
        ui::DesktopNotifier probe;
        QSignalSpy probed(&probe, &ui::DesktopNotifier::shown);
        probe.show(QStringLiteral("probe"), QString(), QStringLiteral("p/b"));
        QVERIFY(probed.wait(Timeout));
        QCOMPARE(service.shown.size(), before + 1);
        QCOMPARE(service.shown.constLast().summary, QStringLiteral("probe"));
    }
};

QTEST_MAIN(TestBatchNotifications)
#include "tst_batchnotifications.moc"
