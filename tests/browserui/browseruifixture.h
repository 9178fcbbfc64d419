#pragma once

// Shared set-up of the data browser widget tests: the simulator world of the browser
// core tests (tests/support/testworld.h), a BrowserWidget on the world's client
// with a QAbstractItemModelTester on its model, and helpers that act as a user would.
#include "core/browser/browsernavigator.h"
#include "core/browser/databrowsermodel.h"
#include "core/browser/datalister.h"
#include "core/browser/matchcollector.h"
#include "core/data/dataidsmime.h"
#include "core/data/tagcatalog.h"
#include "core/projects/projectcatalog.h"
#include "core/projects/projectlistmodel.h"
#include "tests/browser/listerwait.h"
#include "tests/support/worldtestcase.h"
#include "ui/browser/browserfilterbar.h"
#include "ui/browser/browserwidget.h"
#include "ui/browser/databrowserview.h"
#include "ui/browser/selectionbar.h"
#include "ui/widgets/messagebar.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <memory>

namespace ica::test {

/// The fixture; a test class derives from it and adds its test functions: the world
/// starts once for the suite, and every test function gets a fresh BrowserWidget.
class BrowserUiFixture : public WorldTestCase {
    Q_OBJECT

protected:
    BrowserUiFixture()
        : WorldTestCase(TestWorld::bulkFolderWorld()) {}

    std::unique_ptr<ica::ui::BrowserWidget> widget;
    std::unique_ptr<QAbstractItemModelTester> tester;

private Q_SLOTS:
    void init() { setUpWidget(); }
    void cleanup() { tearDownWidget(); }

protected:
    void setUpWidget() {
        widget = std::make_unique<ica::ui::BrowserWidget>();
        widget->resize(1200, 700);
        widget->setClient(world->client);
        tester = std::make_unique<QAbstractItemModelTester>(
            model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
    }
    void tearDownWidget() {
        tester.reset();
        widget.reset();
    }
    template <typename T> T *child(const char *name) const {
        return widget->findChild<T *>(QLatin1String(name));
    }
    ica::DataBrowserModel *model() const { return widget->model(); }
    ica::DataLister *lister() const { return widget->lister(); }
    ica::ui::DataBrowserView *view() const { return widget->view(); }
    /// The text of a label or message bar (both have a "text" property).
    QString labelText(const char *name) const {
        const QWidget *label = child<QWidget>(name);
        return label ? label->property("text").toString()
                     : QStringLiteral("<no %1>").arg(QLatin1String(name));
    }

    /// The question asked is answered (at least its first page).
    bool settled() const {
        return QTest::qWaitFor([this]() { return lister() && !lister()->isLoading(); }, Timeout);
    }
    /// Reads pages until every row is loaded.
    bool loadAll() const { return loadAllRows(*lister(), Timeout); }
    /// Scrolls to the end, as the user would, until more than `rows` rows are loaded.
    bool scrollPast(int rows) const {
        return QTest::qWaitFor(
            [this, rows]() {
                QScrollBar *bar = view()->verticalScrollBar();
                if (!lister()->isLoading())
                    bar->setValue(bar->maximum());
                return model()->rowCount() > rows;
            },
            Timeout);
    }
    int rowNamed(const QString &name) const {
        for (int row = 0; row < model()->rowCount(); ++row) {
            if (model()->itemAt(row).name == name)
                return row;
        }
        return -1;
    }
    /// Opens the bulk folder through the navigator and waits for its first page.
    bool openBulkFolder() {
        widget->setProject(world->projectId);
        widget->navigator()->navigateTo(world->bulkFolder);
        return settled() && lister()->folderPath() == world->bulkFolder;
    }
    /// The simulator's children of `folder` that `keep` accepts.
    template <typename F> int countChildren(const QString &folder, F keep) const {
        int n = 0;
        for (const QString &id : world->childIds(folder))
            n += keep(*world->sim().data(world->projectId, id)) ? 1 : 0;
        return n;
    }
    void typeAndEnter(const char *field, const QString &text) {
        auto *edit = child<QLineEdit>(field);
        QVERIFY(edit);
        edit->clear();
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
    }
    void selectComboData(const char *name, int value) {
        auto *combo = child<QComboBox>(name);
        QVERIFY(combo);
        const int index = combo->findData(value);
        QVERIFY(index >= 0);
        combo->setCurrentIndex(index);
    }
    QPoint rowCenter(int row) const {
        return view()->visualRect(model()->index(row, ica::DataBrowserModel::NameColumn)).center();
    }
    void clickHeader(int column) {
        QHeaderView *header = view()->horizontalHeader();
        view()->scrollTo(model()->index(0, column));
        const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
        QVERIFY(x > 0 && x < header->viewport()->width());
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    }
};

} // namespace ica::test
