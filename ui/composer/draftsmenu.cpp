#include "ui/composer/draftsmenu.h"

#include "core/store/storeworker.h"

#include <QLocale>
#include <QMenu>

namespace ica::ui {

DraftsMenu::DraftsMenu(StoreWorker *store, QWidget *parent)
    : QToolButton(parent)
    , m_store(store)
    , m_menu(new QMenu(this)) {
    setObjectName(QStringLiteral("draftsButton"));
    setText(tr("D&rafts"));
    setToolTip(tr("Start a new draft, discard this one, or reopen a saved draft"));
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_menu->setObjectName(QStringLiteral("draftsMenu"));
    setMenu(m_menu);

    m_new = new QAction(tr("&New draft"), this);
    m_new->setObjectName(QStringLiteral("newDraftAction"));
    m_new->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_new->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_new->setToolTip(tr("Start an empty draft; this one stays in the drafts list"));
    m_discard = new QAction(tr("&Discard this draft…"), this);
    m_discard->setObjectName(QStringLiteral("discardDraftAction"));
    m_discard->setToolTip(tr("Delete this draft for good"));
    connect(m_new, &QAction::triggered, this, &DraftsMenu::newRequested);
    connect(m_discard, &QAction::triggered, this, &DraftsMenu::discardRequested);
    connect(m_menu, &QMenu::aboutToShow, this, &DraftsMenu::rebuild);
    if (m_store)
        connect(m_store, &StoreWorker::draftsChanged, this, &DraftsMenu::refresh);
    rebuild();
}

void DraftsMenu::setProfileId(const QString &profileId) {
    m_profileId = profileId;
    refresh();
}

void DraftsMenu::setCurrentDraftId(const QString &draftId) {
    // No rebuild here: this may run inside the triggered() of a menu action, which
    // a rebuild would delete. The menu is rebuilt before it shows.
    m_currentId = draftId;
}

void DraftsMenu::setProjectNamer(std::function<QString(const QString &)> namer) {
    m_namer = std::move(namer);
}

void DraftsMenu::refresh() {
    if (!m_store)
        return;
    const quint64 generation = ++m_generation;
    m_store->listDrafts(m_profileId, this,
                        [this, generation](const StoreResult<QList<Draft>> &result) {
                            if (generation != m_generation || !result.ok())
                                return;
                            m_drafts = result.value;
                            rebuild();
                            Q_EMIT listed(m_drafts);
                        });
}

void DraftsMenu::rebuild() {
    m_menu->clear();
    m_menu->addAction(m_new);
    m_menu->addAction(m_discard);
    m_menu->addSeparator();
    if (m_drafts.isEmpty()) {
        QAction *none = m_menu->addAction(tr("No saved drafts"));
        none->setEnabled(false);
        return;
    }
    const QLocale locale;
    for (const Draft &draft : std::as_const(m_drafts)) {
        QString project = m_namer ? m_namer(draft.projectId) : QString();
        if (project.isEmpty())
            project = draft.projectId.isEmpty() ? tr("no project") : draft.projectId;
        const QString name = draft.name.isEmpty() ? tr("Untitled draft") : draft.name;
        QAction *open = m_menu->addAction(
            tr("%1 — %2, %3")
                .arg(name, project,
                     locale.toString(draft.updatedAt.toLocalTime(), QLocale::ShortFormat)));
        open->setObjectName(QStringLiteral("openDraftAction"));
        open->setData(draft.id);
        open->setCheckable(true);
        open->setChecked(draft.id == m_currentId);
        const QString id = draft.id;
        connect(open, &QAction::triggered, this, [this, id]() { Q_EMIT openRequested(id); });
    }
}

} // namespace ica::ui
