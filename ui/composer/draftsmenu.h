#pragma once

#include "core/store/draftstore.h"

#include <QList>
#include <QPointer>
#include <QToolButton>

#include <functional>

class QMenu;

namespace ica {
class StoreWorker;
}

namespace ica::ui {

/// The "Drafts" button: a menu with New draft, Rename, Discard and the profile's
/// saved drafts (newest first) to reopen. Its list is kept current from
/// StoreWorker::listDrafts whenever the drafts change, so the menu opens at once.
/// objectNames: "draftsButton", its menu "draftsMenu", actions "newDraftAction",
/// "discardDraftAction", and one "openDraftAction" per draft (data: the draft ID).
class DraftsMenu final : public QToolButton {
    Q_OBJECT
public:
    /// `store` is not owned and may be null.
    explicit DraftsMenu(StoreWorker *store, QWidget *parent = nullptr);

    void setProfileId(const QString &profileId);
    /// Marks the draft being edited.
    void setCurrentDraftId(const QString &draftId);
    /// Names the projects in the list (draft rows only hold the project ID).
    void setProjectNamer(std::function<QString(const QString &projectId)> namer);
    /// The drafts as last listed.
    [[nodiscard]] const QList<Draft> &drafts() const { return m_drafts; }
    /// Lists the drafts again.
    void refresh();
    [[nodiscard]] QAction *newDraftAction() const { return m_new; }
    [[nodiscard]] QAction *discardAction() const { return m_discard; }

Q_SIGNALS:
    void openRequested(const QString &draftId);
    void newRequested();
    void discardRequested();
    /// The list was read; `drafts` newest first.
    void listed(const QList<ica::Draft> &drafts);

private:
    void rebuild();

    QPointer<StoreWorker> m_store;
    QString m_profileId;
    QString m_currentId;
    QList<Draft> m_drafts;
    QMenu *m_menu;
    QAction *m_new;
    QAction *m_discard;
    std::function<QString(const QString &)> m_namer;
    quint64 m_generation = 0;
};

} // namespace ica::ui
