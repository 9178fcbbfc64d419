#pragma once

// The composer widget under test: a TestWorld (the real simulator on loopback,
// manual clock), a real StoreWorker on a temporary SQLite file, and a shown
// ComposerWidget wired to both, with helpers to find its parts by objectName.
#include "core/projects/projectcatalog.h"
#include "core/projects/projectlistmodel.h"
#include "core/store/storeworker.h"
#include "tests/composer/composertestutil.h"
#include "tests/support/storeanswers.h"
#include "tests/support/testworld.h"
#include "ui/composer/composerwidget.h"
#include "ui/composer/groupeditor.h"
#include "ui/composer/grouplisteditor.h"
#include "ui/composer/projectpicker.h"
#include "ui/widgets/confirmation.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace composertest {

inline const QString Profile = QStringLiteral("cccccccc-0000-4000-8000-00000000000c");

class ComposerHarness final {
public:
    /// `dbPath` empty: a fresh file in a temporary directory.
    explicit ComposerHarness(const QString &dbPath = QString(), int projectCount = 3) {
        ica::sim::SimulatorOptions options = ica::test::TestWorld::smallWorld();
        options.projectCount = projectCount;
        options.filesInOtherProjects = 30;
        world = std::make_unique<ica::test::TestWorld>(options);
        path = dbPath.isEmpty() ? dir.filePath(QStringLiteral("store.sqlite")) : dbPath;
        store = std::make_unique<ica::StoreWorker>(path);
    }

    ~ComposerHarness() {
        modelTester.reset();
        widget.reset();
        store.reset();
        world.reset();
    }

    /// Creates and shows the composer; false when something did not come up.
    bool open(bool waitForProjects = true) {
        if (!world->startError().isEmpty())
            return false;
        widget = std::make_unique<ica::ui::ComposerWidget>(store.get());
        widget->resize(1200, 900);
        widget->setClient(world->client);
        widget->setProfileId(Profile);
        widget->show();
        // Every model the composer shows is checked while the tests drive it.
        modelTester = std::make_unique<QAbstractItemModelTester>(
            picker()->catalog()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        if (!QTest::qWaitForWindowExposed(widget.get()))
            return false;
        if (waitForProjects)
            return QTest::qWaitFor(
                [this]() { return picker()->catalog()->model()->rowCount() > 0; }, 10000);
        return true;
    }

    /// A fresh harness with no confirmation answer pending, opened; false when it
    /// did not come up. The usual init() of a composer test.
    static bool openFresh(std::unique_ptr<ComposerHarness> &harness) {
        ica::ui::Confirmation::setNextAnswer(std::nullopt);
        harness = std::make_unique<ComposerHarness>();
        return harness->open();
    }

    /// The first project and the first `count` of its files.
    QString firstProject() const { return world->projectId; }
    QStringList realFiles(int count) const { return world->fileIds.mid(0, count); }

    template <typename T> T *find(const QString &name) const {
        return widget->findChild<T *>(name);
    }
    ica::ui::ProjectPicker *picker() const {
        return find<ica::ui::ProjectPicker>(QStringLiteral("projectPicker"));
    }
    ica::ui::GroupListEditor *groups() const {
        return find<ica::ui::GroupListEditor>(QStringLiteral("groupList"));
    }
    ica::ui::GroupEditor *group(int i) const { return groups()->editor(i); }
    QPlainTextEdit *idsEdit(int i) const {
        return group(i)->findChild<QPlainTextEdit *>(QStringLiteral("dataIdsEdit"));
    }
    QPushButton *submitButton() const { return find<QPushButton>(QStringLiteral("submitButton")); }
    /// The text of a label, field hint or message bar (all have a "text" property).
    QString label(const QString &name) const {
        const QWidget *l = find<QWidget>(name);
        return l ? l->property("text").toString() : QStringLiteral("<no label %1>").arg(name);
    }
    QString groupLabel(int i, const QString &name) const {
        const QWidget *l = group(i)->findChild<QWidget *>(name);
        return l && l->isVisible() ? l->property("text").toString() : QString();
    }

    /// Types a tag into one of a group's tag editors and presses Enter.
    void addTag(int groupIndex, const QString &editor, const QString &tag) const {
        QWidget *tagEditor = group(groupIndex)->findChild<QWidget *>(editor);
        auto *input = tagEditor->findChild<QLineEdit *>(QStringLiteral("tagInput"));
        QTest::keyClicks(input, tag);
        QTest::keyClick(input, Qt::Key_Return);
    }

    /// Picks the project `id` by typing its name into the picker's filter.
    bool pickProject(const QString &id) const {
        const QString name = picker()->nameOf(id);
        auto *filter = find<QLineEdit>(QStringLiteral("projectFilter"));
        filter->clear();
        QTest::keyClicks(filter, name);
        QTest::keyClick(filter, Qt::Key_Return);
        return widget->document().projectId == id;
    }

    /// The draft as stored, or nullopt (waits for the store's answer).
    std::optional<ica::Draft> storedDraft(const QString &id) const {
        return ica::test::storedDraft(store.get(), id, widget.get());
    }
    QList<ica::BatchRecord> history() const {
        return ica::test::storedBatches(store.get(), Profile, widget.get());
    }

    QTemporaryDir dir;
    QString path;
    std::unique_ptr<ica::test::TestWorld> world;
    std::unique_ptr<ica::StoreWorker> store;
    std::unique_ptr<ica::ui::ComposerWidget> widget;
    std::unique_ptr<QAbstractItemModelTester> modelTester;
};

} // namespace composertest
