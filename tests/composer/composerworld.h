#pragma once

// Shared set-up of the composer widget tests: the real simulator on loopback
// (manual clock), a real StoreWorker on a temporary SQLite file, and a shown
// ComposerWidget wired to both, with helpers to find its parts by objectName.
#include "composer/composerwidget.h"
#include "composer/groupeditor.h"
#include "composer/grouplisteditor.h"
#include "composer/projectcatalog.h"
#include "composer/projectlistmodel.h"
#include "composer/projectpicker.h"
#include "simfixture.h"
#include "store/storeworker.h"

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

class ComposerWorld final {
public:
    /// `dbPath` empty: a fresh file in a temporary directory.
    explicit ComposerWorld(const QString &dbPath = QString(), int projectCount = 3) {
        icasim::SimulatorOptions options = icatest::SimFixture::smallWorld();
        options.projectCount = projectCount;
        options.filesInOtherProjects = 30;
        fx = std::make_unique<icatest::SimFixture>(options);
        path = dbPath.isEmpty() ? dir.filePath(QStringLiteral("store.sqlite")) : dbPath;
        store = std::make_unique<ica::StoreWorker>(path);
    }

    ~ComposerWorld() {
        modelTester.reset();
        widget.reset();
        store.reset();
        fx.reset();
    }

    /// Creates and shows the composer; false when something did not come up.
    bool open(bool waitForProjects = true) {
        if (!fx->startError.isEmpty())
            return false;
        widget = std::make_unique<ica::ui::ComposerWidget>(store.get());
        widget->resize(1200, 900);
        widget->setClient(fx->client.get());
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
    QString label(const QString &name) const {
        const QLabel *l = find<QLabel>(name);
        return l ? l->text() : QStringLiteral("<no label %1>").arg(name);
    }
    QString groupLabel(int i, const QString &name) const {
        const QLabel *l = group(i)->findChild<QLabel *>(name);
        return l && l->isVisible() ? l->text() : QString();
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
        std::optional<std::optional<ica::Draft>> answer;
        store->loadDraft(
            id, widget.get(),
            [&](const ica::StoreResult<std::optional<ica::Draft>> &r) { answer = r.value; });
        if (!QTest::qWaitFor([&]() { return answer.has_value(); }, 10000))
            return std::nullopt;
        return *answer;
    }

    QList<ica::BatchRecord> history() const {
        std::optional<QList<ica::BatchRecord>> answer;
        store->listBatches(
            Profile, widget.get(),
            [&](const ica::StoreResult<QList<ica::BatchRecord>> &r) { answer = r.value; });
        (void)QTest::qWaitFor([&]() { return answer.has_value(); }, 10000);
        return answer.value_or(QList<ica::BatchRecord>());
    }

    QTemporaryDir dir;
    QString path;
    std::unique_ptr<icatest::SimFixture> fx;
    std::unique_ptr<ica::StoreWorker> store;
    std::unique_ptr<ica::ui::ComposerWidget> widget;
    std::unique_ptr<QAbstractItemModelTester> modelTester;
};

/// Counts the create calls the simulator answered.
inline int countPosts(const QSignalSpy &served) {
    int posts = 0;
    for (const QList<QVariant> &call : served)
        if (call.at(0).toString() == QLatin1String("POST") &&
            call.at(1).toString().endsWith(QLatin1String("/dataUpdateBatch")))
            ++posts;
    return posts;
}

} // namespace composertest
