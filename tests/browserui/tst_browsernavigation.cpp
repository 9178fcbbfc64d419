// BrowserWidget, the data browser tab, driven through its real widgets against the
// simulator over loopback: the project list and setProject(); folders opened by
// double-click and Enter, breadcrumbs, back/forward/up (buttons and Alt+arrows);
// the filter bar (name on Enter, match modes, tags, statuses, an invalid filter);
// tag completion; an unknown project.
#include "tests/browserui/browseruifixture.h"

using namespace ica;
using ica::test::TestWorld;

class TstBrowserNavigation final : public ica::test::BrowserUiFixture {
    Q_OBJECT

private Q_SLOTS:
    void choosesProjectsFromTheList() {
        QCOMPARE(widget->objectName(), QStringLiteral("dataBrowser"));
        QCOMPARE(lister()->sortColumn(), -1); // showing the table asked for no sort
        QCOMPARE(view()->horizontalHeader()->sortIndicatorSection(), -1);
        QSignalSpy changed(widget.get(), &ui::BrowserWidget::projectChanged);
        // Chosen before the list has loaded: selected once it has.
        widget->setProject(world->projectId);
        QCOMPARE(widget->projectId(), world->projectId);
        QCOMPARE(widget->navigator()->projectId(), world->projectId);
        auto *combo = child<QComboBox>("browserProject");
        QVERIFY(combo);
        QTRY_VERIFY_WITH_TIMEOUT(combo->count() >= 2, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(combo->currentData(ProjectListModel::IdRole).toString(),
                                  world->projectId, Timeout);
        QTRY_VERIFY(!widget->projectName().isEmpty());
        QCOMPARE(widget->projectName(), combo->currentText());
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.last().at(0).toString(), world->projectId);
        QCOMPARE(changed.last().at(1).toString(), widget->projectName());

        QVERIFY(settled());
        QStringList names;
        for (int row = 0; row < model()->rowCount(); ++row)
            names.append(model()->itemAt(row).name);
        names.sort();
        QCOMPARE(names, QStringList({QStringLiteral("analysis"), QStringLiteral("reference"),
                                     QStringLiteral("runs")}));
        const QList<QToolButton *> crumbs =
            child<QWidget>("breadcrumbBar")->findChildren<QToolButton *>(QStringLiteral("crumb"));
        QCOMPARE(crumbs.size(), 1);
        QCOMPARE(crumbs.first()->text(), widget->projectName());
        QCOMPARE(crumbs.first()->property("path").toString(), QStringLiteral("/"));
        QCOMPARE(labelText("positionLabel"), lister()->positionText());

        // The user picks the other project with the keyboard.
        const int current = combo->currentIndex();
        const int other = widget->projectCatalog()->model()->rowOf(world->otherProjectId);
        QVERIFY(other >= 0 && other != current);
        combo->setFocus();
        for (int i = 0; i < qAbs(other - current); ++i)
            QTest::keyClick(combo, other > current ? Qt::Key_Down : Qt::Key_Up);
        QCOMPARE(widget->projectId(), world->otherProjectId);
        QCOMPARE(lister()->projectId(), world->otherProjectId);
        QCOMPARE(changed.last().at(0).toString(), world->otherProjectId);
        QCOMPARE(changed.last().at(1).toString(), combo->currentText());
        QVERIFY(settled());
        QVERIFY(model()->rowCount() > 0);
    }

    void opensFoldersAndGoesBackAndUp() {
        widget->setProject(world->projectId);
        QVERIFY(settled());
        auto *back = child<QToolButton>("backButton");
        auto *forward = child<QToolButton>("forwardButton");
        auto *up = child<QToolButton>("upButton");
        QVERIFY(!back->isEnabled() && !forward->isEnabled() && !up->isEnabled());

        // Into "runs" with a double-click.
        const int runs = rowNamed(QStringLiteral("runs"));
        QVERIFY(runs >= 0);
        // As a real double-click comes: click, press, double-click (QTest::mouseDClick
        // alone sends no press, and the view only takes a double-click on the row pressed).
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, rowCenter(runs));
        QTest::mousePress(view()->viewport(), Qt::LeftButton, {}, rowCenter(runs));
        QTest::mouseDClick(view()->viewport(), Qt::LeftButton, {}, rowCenter(runs));
        QCOMPARE(widget->navigator()->currentPath(), QStringLiteral("/runs/"));
        QVERIFY(back->isEnabled() && up->isEnabled() && !forward->isEnabled());

        // Down to the bulk folder with Enter, one folder at a time.
        const QStringList segments =
            world->bulkFolder.split(QLatin1Char('/'), Qt::SkipEmptyParts).mid(1);
        QVERIFY(segments.size() >= 2);
        for (const QString &segment : segments) {
            QVERIFY(settled());
            const int row = rowNamed(segment);
            QVERIFY2(row >= 0, qPrintable(segment));
            view()->setCurrentIndex(model()->index(row, 0));
            QTest::keyClick(view(), Qt::Key_Return);
        }
        QCOMPARE(lister()->folderPath(), world->bulkFolder);
        QVERIFY(settled());
        QVERIFY(model()->rowCount() > 0);

        // A file opens nothing.
        view()->setCurrentIndex(model()->index(0, 0));
        QVERIFY(!model()->itemAt(0).isFolder());
        QTest::keyClick(view(), Qt::Key_Return);
        QCOMPARE(lister()->folderPath(), world->bulkFolder);

        // The breadcrumbs: root, runs, then each segment; a click goes there.
        QList<QToolButton *> crumbs =
            child<QWidget>("breadcrumbBar")->findChildren<QToolButton *>(QStringLiteral("crumb"));
        QCOMPARE(crumbs.size(), segments.size() + 2);
        QCOMPARE(crumbs.last()->property("path").toString(), world->bulkFolder);
        QCOMPARE(crumbs.at(1)->property("path").toString(), QStringLiteral("/runs/"));
        crumbs.at(1)->click();
        QCOMPARE(lister()->folderPath(), QStringLiteral("/runs/"));
        QTRY_COMPARE(child<QWidget>("breadcrumbBar")
                         ->findChildren<QToolButton *>(QStringLiteral("crumb"))
                         .size(),
                     2);

        back->click();
        QCOMPARE(lister()->folderPath(), world->bulkFolder);
        QVERIFY(forward->isEnabled());
        up->click();
        QCOMPARE(lister()->folderPath(),
                 world->bulkFolder.left(world->bulkFolder.lastIndexOf(QLatin1Char('/'), -2) + 1));
        back->click();
        QCOMPARE(lister()->folderPath(), world->bulkFolder);
        forward->click();
        QVERIFY(lister()->folderPath() != world->bulkFolder);

        // The keyboard shortcuts, once the window is active (a button's shortcut
        // "animates" the click: it comes a moment later).
        const QString parent =
            world->bulkFolder.left(world->bulkFolder.lastIndexOf(QLatin1Char('/'), -2) + 1);
        widget->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(widget.get()));
        view()->setFocus();
        QTest::keyClick(view(), Qt::Key_Left, Qt::AltModifier);
        QTRY_COMPARE(lister()->folderPath(), world->bulkFolder);
        QTest::keyClick(view(), Qt::Key_Up, Qt::AltModifier);
        QTRY_COMPARE(lister()->folderPath(), parent);
        QTest::keyClick(view(), Qt::Key_Left, Qt::AltModifier);
        QTRY_COMPARE(lister()->folderPath(), world->bulkFolder);
        QTest::keyClick(view(), Qt::Key_Right, Qt::AltModifier);
        QTRY_COMPARE(lister()->folderPath(), parent);
        QCOMPARE(widget->navigator()->backHistory().first(), world->bulkFolder);
    }

    void filtersByNameOnEnter() {
        QVERIFY(openBulkFolder());
        typeAndEnter("nameFilter", QStringLiteral("l003"));
        QCOMPARE(lister()->filter().name(), QStringLiteral("l003"));
        QCOMPARE(lister()->filter().nameMatch(), MatchMode::Fuzzy);
        QVERIFY(loadAll());
        const int expected = countChildren(world->bulkFolder, [](const ica::sim::DataSnapshot &d) {
            return d.name.contains(QStringLiteral("l003"), Qt::CaseInsensitive);
        });
        QVERIFY(expected > 0);
        QCOMPARE(model()->rowCount(), expected);
        for (int row = 0; row < model()->rowCount(); ++row)
            QVERIFY2(model()->itemAt(row).name.contains(QStringLiteral("L003")),
                     qPrintable(model()->itemAt(row).name));

        // Typing alone applies nothing; a match mode applies at once.
        const QString exactName = QStringLiteral("POOL00002_S2_L001_R2_001.fastq.gz");
        auto *name = child<QLineEdit>("nameFilter");
        name->setText(exactName);
        QCOMPARE(lister()->filter().name(), QStringLiteral("l003"));
        selectComboData("nameMatch", int(MatchMode::Exact));
        QCOMPARE(lister()->filter().name(), exactName);
        QCOMPARE(lister()->filter().nameMatch(), MatchMode::Exact);
        QVERIFY(loadAll());
        QCOMPARE(model()->rowCount(), 1);
        QCOMPARE(model()->itemAt(0).name, exactName);

        // A filter ICA would refuse: said next to the table, the rows stay.
        typeAndEnter("nameFilter", QStringLiteral("a/b"));
        auto *message = child<ui::MessageBar>("browserMessage");
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("cannot contain")),
                 qPrintable(message->text()));
        QCOMPARE(lister()->filter().name(), exactName);
        QCOMPARE(model()->rowCount(), 1);

        child<QToolButton>("clearFilterButton")->click();
        QVERIFY(lister()->filter().isEmpty());
        QVERIFY(child<QLineEdit>("nameFilter")->text().isEmpty());
        QVERIFY(!message->isVisible());
        QVERIFY(loadAll());
        QCOMPARE(model()->rowCount(), world->childIds(world->bulkFolder).size());
    }

    void filtersByTagsStatusTypeAndSubfolders() {
        QVERIFY(openBulkFolder());
        const QString tag = QStringLiteral("qc-passed");
        const int carrying = countChildren(world->bulkFolder, [&](const ica::sim::DataSnapshot &d) {
            return d.userTags.contains(tag);
        });
        QVERIFY(carrying > 0);
        typeAndEnter("userTagFilter", tag + QStringLiteral(", "));
        QCOMPARE(lister()->filter().userTags(), QStringList{tag});
        QCOMPARE(lister()->filter().userTagMatch(), MatchMode::Exact);
        QVERIFY(loadAll());
        QCOMPARE(model()->rowCount(), carrying);
        for (int row = 0; row < model()->rowCount(); ++row)
            QVERIFY(model()->itemAt(row).tags.userTags.contains(tag));

        selectComboData("userTagMatch", int(MatchMode::Exclude));
        QCOMPARE(lister()->filter().userTagMatch(), MatchMode::Exclude);
        QVERIFY(loadAll());
        QCOMPARE(model()->rowCount(), world->childIds(world->bulkFolder).size() - carrying);
        for (int row = 0; row < model()->rowCount(); ++row)
            QVERIFY(!model()->itemAt(row).tags.userTags.contains(tag));
        child<QToolButton>("clearFilterButton")->click();

        typeAndEnter("technicalTagFilter", QStringLiteral("novaseqx"));
        selectComboData("technicalTagMatch", int(MatchMode::Fuzzy));
        QCOMPARE(lister()->filter().technicalTags(), QStringList{QStringLiteral("novaseqx")});
        QCOMPARE(lister()->filter().technicalTagMatch(), MatchMode::Fuzzy);
        QVERIFY(loadAll());
        QCOMPARE(model()->rowCount(), world->childIds(world->bulkFolder).size());
        child<QToolButton>("clearFilterButton")->click();

        // Statuses from the menu, formats on Enter.
        auto *statusButton = child<QToolButton>("statusFilter");
        QAction *available =
            statusButton->menu()->findChild<QAction *>(QStringLiteral("status_AVAILABLE"));
        QVERIFY(available);
        available->trigger();
        QCOMPARE(lister()->filter().statuses(), QStringList{QStringLiteral("AVAILABLE")});
        QVERIFY(statusButton->text().contains(QStringLiteral("Available")));
        typeAndEnter("formatFilter", QStringLiteral("fastq, bam"));
        QCOMPARE(lister()->filter().formatCodes(),
                 QStringList({QStringLiteral("FASTQ"), QStringLiteral("BAM")}));
        QVERIFY(loadAll());
        const int available_ =
            countChildren(world->bulkFolder, [](const ica::sim::DataSnapshot &d) {
                return d.status == QLatin1String("AVAILABLE");
            });
        QCOMPARE(model()->rowCount(), available_);
        child<QToolButton>("clearFilterButton")->click();
        QVERIFY(!available->isChecked());

        // Folders only, at the root; then a name searched in every subfolder.
        widget->navigator()->navigateTo(QStringLiteral("/runs/"));
        selectComboData("typeFilter", int(DataQuery::Type::Folder));
        QCOMPARE(lister()->filter().type(), DataQuery::Type::Folder);
        QVERIFY(loadAll());
        QCOMPARE(model()->rowCount(), world->childIds(QStringLiteral("/runs/")).size());
        selectComboData("typeFilter", int(DataQuery::Type::Any));
        selectComboData("nameMatch", int(MatchMode::Exact));
        typeAndEnter("nameFilter", QStringLiteral("SampleSheet.csv"));
        QVERIFY(loadAll());
        QCOMPARE(model()->rowCount(), 0);
        child<QCheckBox>("recursiveCheck")->click();
        QVERIFY(lister()->filter().recursive());
        QVERIFY(lister()->isRecursiveListing());
        QVERIFY(loadAll());
        QVERIFY(model()->rowCount() > 1);
        for (int row = 0; row < model()->rowCount(); ++row)
            QCOMPARE(model()->itemAt(row).name, QStringLiteral("SampleSheet.csv"));

        // setFilter() shows a filter without applying it.
        DataFilter shown;
        shown.setUserTags({QStringLiteral("x"), QStringLiteral("y")});
        shown.setUserTagMatch(MatchMode::Fuzzy);
        auto *bar = widget->filterBar();
        QSignalSpy edited(bar, &ui::BrowserFilterBar::filterEdited);
        bar->setFilter(shown);
        QCOMPARE(edited.count(), 0);
        QCOMPARE(bar->filter(), shown);
        QCOMPARE(child<QLineEdit>("userTagFilter")->text(), QStringLiteral("x, y"));
    }

    void completesTagsFromTheCatalog() {
        TagCatalog catalog;
        widget->setTagCatalog(&catalog);
        QVERIFY(openBulkFolder());
        QTRY_VERIFY(catalog.useCount(TagKind::User, QStringLiteral("qc-passed")) > 0);
        auto *edit = child<QLineEdit>("userTagFilter");
        QCompleter *completer = edit->completer();
        QVERIFY(completer);
        QCOMPARE(completer->filterMode(), Qt::MatchContains);
        QCOMPARE(completer->caseSensitivity(), Qt::CaseInsensitive);
        QVERIFY(child<QLineEdit>("technicalTagFilter")->completer());
        // The tag after the last comma is completed; the ones before stay.
        edit->setText(QStringLiteral("first, QC-PA"));
        completer->setCompletionPrefix(edit->text());
        QVERIFY(completer->completionCount() > 0);
        QCOMPARE(completer->currentCompletion(), QStringLiteral("first, qc-passed"));
        const int row = catalog.tags(TagKind::User).indexOf(QStringLiteral("qc-passed"));
        QVERIFY(row >= 0);
        QCOMPARE(completer->pathFromIndex(completer->model()->index(row, 0)),
                 QStringLiteral("first, qc-passed"));
        widget->setTagCatalog(nullptr);
        QVERIFY(!edit->completer());
    }

    void unknownProjectIsReported() {
        widget->setProject(QStringLiteral("00000000-0000-4000-8000-0000000000ff"));
        auto *message = child<ui::MessageBar>("browserMessage");
        QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), Timeout);
        QVERIFY(!message->text().isEmpty());
        QVERIFY(settled());
        QCOMPARE(model()->rowCount(), 0);
    }
};

QTEST_MAIN(TstBrowserNavigation)
#include "tst_browsernavigation.moc"
