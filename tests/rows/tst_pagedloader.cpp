// PagedLoader, the one paged-listing loader, feeding a real BatchItemsModel.
//
// Most cases use an in-memory page source whose answers the test hands out one by
// one, in any order: that is the thing under test here (serial numbers, ordering,
// guards), and only a source the test controls can deliver a slow first answer after
// a newer question's, or a page that breaks the rules, deterministically. The last
// cases run the loader over the real client against the simulator on loopback.
#include "core/api/apicall.h"
#include "core/monitor/batchitemsmodel.h"
#include "core/rows/pagedloader.h"
#include "tests/support/modelsignallog.h"
#include "tests/support/testworld.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace ica;
using ica::test::ModelSignalLog;
using ica::test::TestWorld;

namespace {

constexpr int Timeout = 20000;
using Loader = PagedLoader<BatchItem>;

BatchItem item(int n, ItemStatus::Value status = ItemStatus::Initialised) {
    BatchItem row;
    row.id = QStringLiteral("itm.%1").arg(n, 4, 10, QLatin1Char('0'));
    row.request.dataId = QStringLiteral("fil.%1").arg(n, 4, 10, QLatin1Char('0'));
    row.status = status;
    return row;
}

QList<BatchItem> items(int from, int to) {
    QList<BatchItem> rows;
    for (int n = from; n < to; ++n)
        rows.append(item(n));
    return rows;
}

QStringList idsOf(const QList<BatchItem> &rows) {
    QStringList ids;
    for (const BatchItem &row : rows)
        ids.append(row.id);
    return ids;
}

/// An in-memory listing of `rows` served in offset or cursor pages (the cursor token
/// is the index of the page's first row). Requests wait until the test answers them,
/// unless `autoAnswer` (then each is answered from the event loop). Cancelling is
/// recorded but does not stop an answer: the loader must drop it by its serial.
class ManualSource final {
public:
    struct Pending {
        PageRequest request;
        Loader::Reply reply;
        bool cancelled = false;
    };

    /// A listing of `rowCount` items: items(0, rowCount).
    explicit ManualSource(int rowCount = 0)
        : rows(items(0, rowCount)) {}

    QList<BatchItem> rows;
    bool autoAnswer = false;
    QList<PageRequest> requests; ///< every request, in order
    QList<std::shared_ptr<Pending>> pending;
    int cancels = 0;

    Loader::Source source() {
        return [this](const PageRequest &request, Loader::Reply reply) -> Loader::Cancel {
            requests.append(request);
            auto p = std::make_shared<Pending>(Pending{request, std::move(reply)});
            pending.append(p);
            if (autoAnswer)
                QMetaObject::invokeMethod(
                    &m_context, [this, p]() { deliver(p, pageFor(p->request)); },
                    Qt::QueuedConnection);
            return [this, p]() {
                p->cancelled = true;
                ++cancels;
            };
        };
    }

    /// The page `request` asks for, from `rows` as they are now.
    [[nodiscard]] Page<BatchItem> pageFor(const PageRequest &request) const {
        Page<BatchItem> page;
        const qint64 n = rows.size();
        if (request.mode == PageRequest::Mode::Offset) {
            page.items = rows.mid(request.offset, request.pageSize);
            page.info.totalItemCount = n;
            return page;
        }
        const qint64 start = request.pageToken.isEmpty() ? 0 : request.pageToken.toLongLong();
        page.items = rows.mid(start, request.pageSize);
        const qint64 next = start + request.pageSize;
        if (next < n) {
            page.info.nextPageToken = QString::number(next);
            page.info.remainingRecords = n - next;
        }
        return page;
    }

    /// Answers the pending request `index` (in order of asking) with its page.
    void answer(int index = 0) {
        const std::shared_ptr<Pending> p = pending.takeAt(index);
        p->reply(Loader::Answer::success(pageFor(p->request)));
    }
    void answerWith(const Loader::Answer &answer, int index = 0) {
        const std::shared_ptr<Pending> p = pending.takeAt(index);
        p->reply(answer);
    }

private:
    void deliver(const std::shared_ptr<Pending> &p, const Page<BatchItem> &page) {
        if (!pending.removeOne(p))
            return;
        p->reply(Loader::Answer::success(page));
    }
    QObject m_context;
};

/// A passive BatchItemsModel fed by a loader over `source`.
struct Rig {
    BatchItemsModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    Loader loader;
    explicit Rig(ManualSource &source)
        : loader(Loader::Sink{[this](QList<BatchItem> rows) { model.setItems(rows); },
                              [this](QList<BatchItem> rows) { model.appendPage(rows); },
                              [this](RowPages<BatchItem> pages) { model.applyPages(pages); }},
                 [](const BatchItem &row) { return row.id; }) {
        loader.setSource(source.source());
    }
};

Loader::Options cursorPages(int size) {
    Loader::Options options;
    options.mode = PageRequest::Mode::Cursor;
    options.pageSize = size;
    return options;
}

Loader::Options offsetPages(int size, qint64 start = 0) {
    Loader::Options options;
    options.mode = PageRequest::Mode::Offset;
    options.pageSize = size;
    options.startOffset = start;
    return options;
}

/// Starts cursor pages of 10, answers the first and asks for the second (left
/// unanswered): false when the loader refused to page on.
[[nodiscard]] bool askSecondPage(ManualSource &source, Rig &rig) {
    rig.loader.start(cursorPages(10));
    source.answer();
    return rig.loader.fetchMore();
}

} // namespace

class TestPagedLoader final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cursorPagesAppendUntilTheEnd() {
        ManualSource source(25);
        Rig rig(source);
        ModelSignalLog log(&rig.model);
        rig.loader.start(cursorPages(10));
        QVERIFY(rig.loader.isLoading());
        QVERIFY(!rig.loader.fetchMore()); // busy
        source.answer();
        QVERIFY(!rig.loader.isLoading());
        QCOMPARE(idsOf(rig.model.items()), idsOf(items(0, 10)));
        QVERIFY(rig.loader.hasMore());
        QCOMPARE(rig.loader.remaining(), std::optional<qint64>(15));

        QVERIFY(rig.loader.fetchMore());
        QCOMPARE(source.requests.last().pageToken, QStringLiteral("10"));
        source.answer();
        QVERIFY(rig.loader.fetchMore());
        source.answer();
        QCOMPARE(idsOf(rig.model.items()), idsOf(items(0, 25)));
        QVERIFY(rig.loader.atEnd());
        QVERIFY(!rig.loader.hasMore());
        QCOMPARE(rig.loader.pagesLoaded(), 3);
        QCOMPARE(rig.loader.rowsLoaded(), qint64(25));
        QVERIFY(!rig.loader.fetchMore());
        QCOMPARE(source.requests.size(), 3);
        // One reset for the first page, then one block per appended page.
        QCOMPARE(log.entries, QStringList({QStringLiteral("reset"), QStringLiteral("ins 10-19"),
                                           QStringLiteral("ins 20-24")}));
    }

    void offsetPagesCarryTheTotal() {
        ManualSource source(23);
        Rig rig(source);
        rig.loader.start(offsetPages(10));
        QCOMPARE(source.requests.first().mode, PageRequest::Mode::Offset);
        QCOMPARE(source.requests.first().offset, qint64(0));
        source.answer();
        QCOMPARE(rig.loader.total(), qint64(23));
        QVERIFY(rig.loader.hasMore());
        QVERIFY(rig.loader.fetchMore());
        QCOMPARE(source.requests.last().offset, qint64(10));
        source.answer();
        QVERIFY(rig.loader.fetchMore());
        QCOMPARE(source.requests.last().offset, qint64(20));
        source.answer();
        QVERIFY(rig.loader.atEnd());
        QCOMPARE(idsOf(rig.model.items()), idsOf(items(0, 23)));

        // A numbered page: the window starts at its offset.
        rig.loader.start(offsetPages(10, 10));
        QCOMPARE(source.requests.last().offset, qint64(10));
        source.answer();
        QCOMPARE(idsOf(rig.model.items()), idsOf(items(10, 20)));
    }

    void offsetPagingStopsAtTheLimit() {
        ManualSource source(30);
        Rig rig(source);
        Loader::Options options = offsetPages(10);
        options.offsetLimit = 20; // stands in for ICA's 200,000
        rig.loader.start(options);
        source.answer();
        QVERIFY(rig.loader.fetchMore());
        source.answer();
        QVERIFY(rig.loader.atEnd());
        QVERIFY(!rig.loader.fetchMore());
        QCOMPARE(rig.model.rowCount(), 20);
    }

    void aSlowAnswerToAnOlderQuestionIsDropped() {
        ManualSource source(30);
        Rig rig(source);
        rig.loader.start(offsetPages(10, 0));  // question A
        rig.loader.start(offsetPages(10, 20)); // question B, asked before A's answer
        QCOMPARE(source.pending.size(), 2);
        QCOMPARE(source.cancels, 1); // A was cancelled, but its answer may still come
        source.answer(1);            // B answers first...
        QCOMPARE(idsOf(rig.model.items()), idsOf(items(20, 30)));
        source.answer(0); // ...then the slow answer to A: dropped
        QCOMPARE(idsOf(rig.model.items()), idsOf(items(20, 30)));
        QVERIFY(!rig.loader.isLoading());

        // The same when the newer question answers last: only it is applied.
        rig.loader.start(offsetPages(10, 0));
        rig.loader.start(offsetPages(10, 10));
        source.answer(0);
        QCOMPARE(idsOf(rig.model.items()), idsOf(items(20, 30)));
        QVERIFY(rig.loader.isLoading());
        source.answer(0);
        QCOMPARE(idsOf(rig.model.items()), idsOf(items(10, 20)));
    }

    void refreshAppliesTheWindowAsOneDiff() {
        ManualSource source(40);
        Rig rig(source);
        QVERIFY(askSecondPage(source, rig));
        source.answer();
        QCOMPARE(rig.model.rowCount(), 20);

        // Meanwhile: a status changed, a row left, one came in, the rest shifted.
        source.rows[3].status = ItemStatus::Updated;
        source.rows.removeAt(15);
        source.rows.insert(5, item(500));
        ModelSignalLog log(&rig.model);
        QSignalSpy applied(&rig.loader, &PagedLoaderBase::pageApplied);
        QVERIFY(rig.loader.refresh());
        QCOMPARE(source.requests.last().pageToken, QString()); // from the window's start
        source.answer();
        QVERIFY(applied.isEmpty()); // nothing handed over before the whole window is read
        QCOMPARE(source.requests.last().pageToken, QStringLiteral("10"));
        source.answer();
        QCOMPARE(applied.size(), 1);
        QCOMPARE(source.pending.size(), 0); // two pages loaded, two read again

        QCOMPARE(idsOf(rig.model.items()), idsOf(source.rows.mid(0, 20)));
        QCOMPARE(rig.model.items().at(rig.model.rowOf(item(3).id)).status.value(),
                 ItemStatus::Updated);
        QCOMPARE(log.count(QStringLiteral("reset")), 0);
        QVERIFY(log.count(QStringLiteral("chg")) >= 1);
        QVERIFY(log.count(QStringLiteral("ins")) >= 1);
        QVERIFY(log.count(QStringLiteral("rem")) >= 1);
        // Paging goes on after the window.
        QVERIFY(rig.loader.fetchMore());
        QCOMPARE(source.requests.last().pageToken, QStringLiteral("20"));
    }

    void refreshWhileBusyFollowsTheRequestInFlight() {
        ManualSource source(30);
        Rig rig(source);
        QVERIFY(askSecondPage(source, rig));
        QVERIFY(rig.loader.refresh()); // queued behind the page in flight
        QCOMPARE(source.requests.size(), 2);
        source.answer();
        QVERIFY(rig.loader.isLoading());
        QCOMPARE(source.requests.size(), 3);
        QCOMPARE(rig.loader.operation(), PagedLoaderBase::Operation::Refresh);
        source.answer();
        source.answer();
        QVERIFY(!rig.loader.isLoading());
        QCOMPARE(rig.model.rowCount(), 20);
    }

    void loadAllReportsProgress() {
        ManualSource source(35);
        source.autoAnswer = true;
        Rig rig(source);
        rig.loader.start(cursorPages(10));
        QTRY_VERIFY_WITH_TIMEOUT(!rig.loader.isLoading(), Timeout);
        QSignalSpy progress(&rig.loader, &PagedLoaderBase::loadAllProgress);
        QVERIFY(rig.loader.loadAll());
        QVERIFY(!rig.loader.loadAll()); // busy
        QTRY_VERIFY_WITH_TIMEOUT(!rig.loader.isLoading(), Timeout);
        QCOMPARE(progress.size(), 3);
        QCOMPARE(progress.at(0).at(0).toLongLong(), qint64(20));
        QCOMPARE(progress.at(0).at(1).toLongLong(), qint64(35));
        QCOMPARE(progress.last().at(0).toLongLong(), qint64(35));
        QCOMPARE(progress.last().at(1).toLongLong(), qint64(35));
        QCOMPARE(idsOf(rig.model.items()), idsOf(items(0, 35)));
        QVERIFY(rig.loader.atEnd());
    }

    void cancelStopsALoadAllAndKeepsTheRows() {
        ManualSource source(50);
        Rig rig(source);
        rig.loader.start(cursorPages(10));
        source.answer();
        QVERIFY(rig.loader.loadAll());
        source.answer();
        QCOMPARE(rig.model.rowCount(), 20);
        QCOMPARE(source.pending.size(), 1); // the third page is being read
        rig.loader.cancel();
        QVERIFY(!rig.loader.isLoading());
        QCOMPARE(source.cancels, 1);
        source.answer(); // arrives anyway: dropped
        QCOMPARE(rig.model.rowCount(), 20);
        QVERIFY(source.pending.isEmpty());
        // Paging can go on from where it stopped.
        QVERIFY(rig.loader.hasMore());
        QVERIFY(rig.loader.fetchMore());
        QCOMPARE(source.requests.last().pageToken, QStringLiteral("20"));
    }

    void errorsKeepTheRows() {
        ManualSource source(30);
        Rig rig(source);
        QSignalSpy errors(&rig.loader, &PagedLoaderBase::errorOccurred);
        QVERIFY(askSecondPage(source, rig));
        source.answerWith(Loader::Answer::failure(ApiError::usage(QStringLiteral("boom"))));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(rig.loader.lastError().message, QStringLiteral("boom"));
        QCOMPARE(rig.loader.failedOperation(), PagedLoaderBase::Operation::Next);
        QCOMPARE(rig.model.rowCount(), 10);
        QVERIFY(!rig.loader.isLoading());
        QVERIFY(rig.loader.hasMore()); // the page can be asked again

        QVERIFY(rig.loader.refresh());
        source.answerWith(Loader::Answer::failure(ApiError::usage(QStringLiteral("again"))));
        QCOMPARE(errors.size(), 2);
        QCOMPARE(rig.model.rowCount(), 10);
        QCOMPARE(idsOf(rig.model.items()), idsOf(items(0, 10)));

        // A failed new question leaves no rows of the old one behind.
        rig.loader.start(offsetPages(10, 10));
        source.answerWith(Loader::Answer::failure(ApiError::usage(QStringLiteral("gone"))));
        QCOMPARE(errors.size(), 3);
        QCOMPARE(rig.model.rowCount(), 0);
        QVERIFY(!rig.loader.hasMore());
    }

    void pageGuardRefusals_data() {
        QTest::addColumn<QString>("wrong");
        QTest::newRow("page larger than asked") << QStringLiteral("oversize");
        QTest::newRow("cursor seen before") << QStringLiteral("loop");
        QTest::newRow("page of repeated rows") << QStringLiteral("repeat");
    }
    void pageGuardRefusals() {
        QFETCH(QString, wrong);
        ManualSource source(100);
        Rig rig(source);
        QSignalSpy errors(&rig.loader, &PagedLoaderBase::errorOccurred);
        QVERIFY(askSecondPage(source, rig));
        Page<BatchItem> page = source.pageFor(source.pending.first()->request);
        if (wrong == QStringLiteral("oversize")) {
            page.items = source.rows.mid(10, 11);
        } else if (wrong == QStringLiteral("loop")) {
            page.info.nextPageToken = QStringLiteral("10"); // the token that led here
        } else {
            page.items = source.rows.mid(0, 10); // the first page again
        }
        source.answerWith(Loader::Answer::success(page));
        QCOMPARE(errors.size(), 1);
        QVERIFY(rig.loader.lastError().isError());
        QVERIFY(rig.loader.atEnd()); // no further page of a listing that cannot be trusted
        QVERIFY(!rig.loader.fetchMore());
        QVERIFY(!rig.loader.isLoading());
        QCOMPARE(idsOf(rig.model.items()), idsOf(items(0, 10))); // the rows stay
    }

    void repeatedRowsAreDroppedAndReadOnWithinABound() {
        ManualSource source(100);
        Rig rig(source);
        Loader::Options options = offsetPages(10);
        options.dropRepeatedRows = true;
        options.maxPagesWithoutNewRows = 2;
        rig.loader.start(options);
        source.answer();
        QVERIFY(rig.loader.fetchMore());
        // A page that overlaps the first by five rows: only the new five are shown.
        Page<BatchItem> overlap;
        overlap.items = source.rows.mid(5, 10);
        overlap.info.totalItemCount = 100;
        source.answerWith(Loader::Answer::success(overlap));
        QCOMPARE(idsOf(rig.model.items()), idsOf(items(0, 15)));

        // Pages of nothing new: the loader reads on by itself (a lazy view would
        // wait forever), and gives up after the bound.
        QSignalSpy errors(&rig.loader, &PagedLoaderBase::errorOccurred);
        QVERIFY(rig.loader.fetchMore());
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(source.pending.size(), 1);
            Page<BatchItem> again;
            again.items = source.rows.mid(0, 10);
            again.info.totalItemCount = 100;
            source.answerWith(Loader::Answer::success(again));
        }
        QVERIFY(source.pending.isEmpty());
        QCOMPARE(errors.size(), 1);
        QVERIFY(rig.loader.atEnd());
        QCOMPARE(rig.model.rowCount(), 15);
    }

    void refreshHandsOverTheWindowAsItsPagesWithoutRepeats() {
        // The refreshed window goes to the sink as the pages read (nothing joined on
        // the loader's thread); offset pages that overlap lose their repeated rows.
        ManualSource source(30);
        QList<RowPages<BatchItem>> handed;
        Loader loader(
            Loader::Sink{{}, {}, [&](RowPages<BatchItem> pages) { handed.append(pages); }},
            [](const BatchItem &row) { return row.id; });
        loader.setSource(source.source());
        Loader::Options options = offsetPages(10);
        options.dropRepeatedRows = true;
        loader.start(options);
        source.answer();
        QVERIFY(loader.fetchMore());
        source.answer();
        QVERIFY(loader.refresh());
        source.answer();         // rows 0-9
        Page<BatchItem> overlap; // rows 5-14: the server's order shifted meanwhile
        overlap.items = source.rows.mid(5, 10);
        overlap.info.totalItemCount = 30;
        source.answerWith(Loader::Answer::success(overlap));
        QCOMPARE(handed.size(), 1);
        QCOMPARE(handed.first().size(), 2);
        QCOMPARE(idsOf(handed.first().at(0)), idsOf(items(0, 10)));
        QCOMPARE(idsOf(handed.first().at(1)), idsOf(items(10, 15)));
        QCOMPARE(loader.rowsLoaded(), 15);
        QCOMPARE(joinedPages(handed.first()).size(), 15);
    }

    void aSinkMayAskANewQuestion() {
        // ItemsPager jumps to the last page from inside the sink when the page asked
        // is past the end: the loader must not touch the old question afterwards.
        ManualSource source(25);
        BatchItemsModel model;
        std::unique_ptr<Loader> loader;
        int resets = 0;
        loader = std::make_unique<Loader>(Loader::Sink{[&](QList<BatchItem> rows) {
                                                           ++resets;
                                                           if (loader->total() >= 0 &&
                                                               loader->options().startOffset >=
                                                                   loader->total())
                                                               loader->start(offsetPages(10, 20));
                                                           else
                                                               model.setItems(rows);
                                                       },
                                                       {},
                                                       {}},
                                          [](const BatchItem &row) { return row.id; });
        loader->setSource(source.source());
        QSignalSpy applied(loader.get(), &PagedLoaderBase::pageApplied);
        loader->start(offsetPages(10, 40));
        source.answer();
        QVERIFY(applied.isEmpty());
        QVERIFY(loader->isLoading());
        QCOMPARE(source.requests.last().offset, qint64(20));
        source.answer();
        QCOMPARE(applied.size(), 1);
        QCOMPARE(resets, 2);
        QCOMPARE(idsOf(model.items()), idsOf(items(20, 25)));
    }

    void clearLeavesNoQuestion() {
        ManualSource source(30);
        Rig rig(source);
        rig.loader.start(cursorPages(10));
        source.answer();
        rig.loader.clear();
        QCOMPARE(rig.model.rowCount(), 0);
        QVERIFY(!rig.loader.hasQuestion());
        QVERIFY(!rig.loader.refresh());
        QVERIFY(!rig.loader.fetchMore());
    }

    // --- The real client against the simulator ------------------------------------

    void simulatorCursorOffsetAndRefresh() {
        TestWorld world(TestWorld::pacedBatches());
        QVERIFY2(world.startError().isEmpty(), qPrintable(world.startError()));
        QVERIFY(world.discover());
        const QStringList dataIds = world.nextBatchDataIds();
        const QString batchId = world.createBatch(dataIds);
        QVERIFY(!batchId.isEmpty());

        BatchItemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Loader loader(Loader::Sink{[&](QList<BatchItem> rows) { model.setItems(rows); },
                                   [&](QList<BatchItem> rows) { model.appendPage(rows); },
                                   [&](RowPages<BatchItem> pages) { model.applyPages(pages); }},
                      [](const BatchItem &row) { return row.id; });
        BatchApi api(world.client);
        loader.setSource([&](const PageRequest &request, Loader::Reply reply) -> Loader::Cancel {
            ItemsQuery query;
            query.page = request;
            QPointer<ApiCall> call =
                api.listItems(world.projectId, batchId, query, &loader,
                              [reply](const Result<BatchItemPage> &result) { reply(result); });
            return [call]() {
                if (call)
                    call->cancel();
            };
        });
        const auto dataIdsOf = [&model]() {
            QStringList ids;
            for (const BatchItem &row : model.items())
                ids.append(row.request.dataId);
            return ids;
        };

        // Cursor: first page, then load all.
        loader.start(cursorPages(10));
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isLoading(), Timeout);
        QCOMPARE(model.rowCount(), 10);
        QSignalSpy progress(&loader, &PagedLoaderBase::loadAllProgress);
        QVERIFY(loader.loadAll());
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isLoading(), Timeout);
        QVERIFY(!loader.lastError().isError());
        QCOMPARE(dataIdsOf(), dataIds);
        QCOMPARE(progress.size(), 4);
        QCOMPARE(progress.last().at(0).toLongLong(), qint64(TestWorld::BatchSize));

        // Refresh after items finished: one diff, no reset, statuses changed in place.
        world.sim().advance(TestWorld::untilDone(TestWorld::BatchSize));
        ModelSignalLog log(&model);
        QVERIFY(loader.refresh());
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isLoading(), Timeout);
        QCOMPARE(log.count(QStringLiteral("reset")), 0);
        QVERIFY(log.count(QStringLiteral("chg")) >= 1);
        QCOMPARE(dataIdsOf(), dataIds);
        for (const BatchItem &row : model.items())
            QVERIFY2(row.status.value() != ItemStatus::Initialised, qPrintable(row.id));

        // Offset: a numbered page with the total.
        loader.start(offsetPages(10, 20));
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isLoading(), Timeout);
        QCOMPARE(loader.total(), qint64(TestWorld::BatchSize));
        QCOMPARE(dataIdsOf(), dataIds.mid(20, 10));
    }
};

QTEST_GUILESS_MAIN(TestPagedLoader)
#include "tst_pagedloader.moc"
