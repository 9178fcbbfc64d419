// StatusNotices: the one route for status texts. A post with none installed goes
// nowhere; installs nest and undo in order; a post from a worker thread arrives on
// the instance's thread; each post is logged to ica.ui at info level.
#include "core/diagnostics/statusnotices.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

using namespace ica;

class TestStatusNotices final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void postWithNoneInstalledGoesNowhere() {
        QCOMPARE(StatusNotices::instance(), nullptr);
        StatusNotices notices; // made, not installed
        QSignalSpy posted(&notices, &StatusNotices::posted);
        StatusNotices::post(QStringLiteral("Nobody hears this."));
        QCOMPARE(posted.size(), 0);
    }

    void installedInstanceHearsPostsInOrder() {
        StatusNotices notices;
        StatusNotices::Installer installed(&notices);
        QCOMPARE(StatusNotices::instance(), &notices);
        QSignalSpy posted(&notices, &StatusNotices::posted);
        StatusNotices::post(QStringLiteral("Batch 1 opened."));
        StatusNotices::post(QString()); // dropped: nothing to show
        StatusNotices::post(QStringLiteral("Batch 2 opened."));
        QCOMPARE(posted.size(), 2); // at once, on the same thread
        QCOMPARE(posted.at(0).first().toString(), QStringLiteral("Batch 1 opened."));
        QCOMPARE(posted.at(1).first().toString(), QStringLiteral("Batch 2 opened."));
    }

    void installsNestAndUndoInOrder() {
        StatusNotices outer;
        QSignalSpy outerPosts(&outer, &StatusNotices::posted);
        {
            StatusNotices::Installer outerInstalled(&outer);
            {
                StatusNotices inner;
                QSignalSpy innerPosts(&inner, &StatusNotices::posted);
                StatusNotices::Installer innerInstalled(&inner);
                StatusNotices::post(QStringLiteral("to the inner one"));
                QCOMPARE(innerPosts.size(), 1);
                QCOMPARE(outerPosts.size(), 0);
            }
            QCOMPARE(StatusNotices::instance(), &outer);
            StatusNotices::post(QStringLiteral("to the outer one"));
            QCOMPARE(outerPosts.size(), 1);
        }
        QCOMPARE(StatusNotices::instance(), nullptr);
    }

    void destroyedInstanceIsNoLongerInstalled() {
        auto notices = std::make_unique<StatusNotices>();
        StatusNotices::Installer installed(notices.get());
        notices.reset();
        QCOMPARE(StatusNotices::instance(), nullptr);
        StatusNotices::post(QStringLiteral("after it went")); // must not crash
    }

    void postFromAWorkerArrivesOnTheInstanceThread() {
        StatusNotices notices;
        StatusNotices::Installer installed(&notices);
        QThread *received = nullptr;
        QString text;
        connect(&notices, &StatusNotices::posted, this, [&](const QString &posted) {
            received = QThread::currentThread();
            text = posted;
        });
        std::unique_ptr<QThread> worker(
            QThread::create([]() { StatusNotices::post(QStringLiteral("from a worker")); }));
        worker->start();
        QVERIFY(worker->wait(10000));
        QTRY_COMPARE(text, QStringLiteral("from a worker"));
        QCOMPARE(received, thread());
    }

    void postsAreLoggedToTheUiCategory() {
        QLoggingCategory::setFilterRules(QStringLiteral("ica.ui.info=true"));
        StatusNotices notices;
        StatusNotices::Installer installed(&notices);
        QTest::ignoreMessage(QtInfoMsg, "status: Draft saved.");
        StatusNotices::post(QStringLiteral("Draft saved."));
        QLoggingCategory::setFilterRules(QString());
    }
};

QTEST_GUILESS_MAIN(TestStatusNotices)
#include "tst_statusnotices.moc"
