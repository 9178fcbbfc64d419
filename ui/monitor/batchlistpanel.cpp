#include "ui/monitor/batchlistpanel.h"

#include "core/history/batchhistoryfilter.h"
#include "core/history/batchhistorymodel.h"
#include "ui/style/statusstyle.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ica::ui {

BatchListPanel::BatchListPanel(BatchHistoryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new BatchHistoryFilterModel(this))
    , m_filter(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_count(new QLabel(this))
    , m_open(new QPushButton(tr("&Open batch by ID…"), this))
    , m_remove(new QPushButton(tr("Re&move from list"), this)) {
    m_proxy->setObjectName(QStringLiteral("historyProxy"));
    m_proxy->setSourceModel(model);
    // Connected before the view's selection model exists, so the flag is up when the
    // selection model moves the current row during a removal.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this]() { m_proxyRemoving = true; });

    m_filter->setObjectName(QStringLiteral("historyFilterEdit"));
    m_filter->setPlaceholderText(tr("Filter by batch ID, project, changes or status"));
    m_filter->setToolTip(tr("Shows the batches whose ID, project, changes or status contain "
                            "every word typed here"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setTextFilter(text);
        updateCount();
    });

    using Group = BatchHistoryFilterModel::StatusGroup;
    m_status->setObjectName(QStringLiteral("historyStatusCombo"));
    m_status->setToolTip(tr("Show only batches whose last known status is this"));
    const QList<QPair<QString, Group>> groups{
        {tr("All statuses"), Group::All},
        {tr("In progress"), Group::InProgress},
        {tr("Succeeded"), Group::Succeeded},
        {tr("Partially succeeded"), Group::PartiallySucceeded},
        {tr("Failed"), Group::Failed},
        {tr("Stopped"), Group::Stopped},
        {tr("Not checked yet"), Group::NotChecked}};
    for (const auto &[label, group] : groups)
        m_status->addItem(label, int(group));
    connect(m_status, &QComboBox::currentIndexChanged, this, [this]() {
        m_proxy->setStatusGroup(Group(m_status->currentData().toInt()));
        updateCount();
    });

    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(BatchHistoryModel::CreatedColumn, Qt::DescendingOrder);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setItemDelegateForColumn(BatchHistoryModel::StatusColumn,
                                     new StatusDotDelegate(StatusDotDelegate::Kind::Job,
                                                           BatchHistoryModel::JobStatusRole,
                                                           m_view));
    m_view->setToolTip(tr("Batches created here or opened by ID. Click a header to sort."));
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &BatchListPanel::onCurrentChanged);

    auto *removeAction = new QAction(tr("Remove from list"), m_view);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(removeAction);
    connect(removeAction, &QAction::triggered, m_remove, &QPushButton::click);

    m_open->setObjectName(QStringLiteral("openByIdButton"));
    m_open->setToolTip(tr("Open a batch by its project and batch ID, and add it to this list"));
    connect(m_open, &QPushButton::clicked, this, &BatchListPanel::openByIdRequested);
    m_remove->setObjectName(QStringLiteral("removeBatchButton"));
    m_remove->setToolTip(tr("Forget the selected batch here (it stays in ICA) (Delete)"));
    m_remove->setEnabled(false);
    connect(m_remove, &QPushButton::clicked, this, [this]() {
        if (!selectedBatchId().isEmpty())
            Q_EMIT removeRequested(selectedProfileId(), selectedBatchId());
    });
    m_count->setObjectName(QStringLiteral("historyCountLabel"));

    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &BatchListPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &BatchListPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &BatchListPanel::scheduleSettle);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &BatchListPanel::scheduleSettle);
    connect(model, &QAbstractItemModel::modelReset, this, &BatchListPanel::onSourceReset);

    auto *filters = new QHBoxLayout;
    auto *filterLabel = new QLabel(tr("Fil&ter:"), this);
    filterLabel->setBuddy(m_filter);
    filters->addWidget(filterLabel);
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_status);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(m_count);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    updateCount();
}

bool BatchListPanel::selectBatch(const QString &profileId, const QString &batchId) {
    // The caller shows the batch: from now on it is the one the list follows.
    m_currentProfile = profileId;
    m_currentBatch = batchId;
    const int sourceRow = m_model->rowOf(profileId, batchId);
    m_currentListed = sourceRow >= 0;
    if (sourceRow < 0) {
        // Not listed (yet): no other row may look chosen.
        m_view->selectionModel()->clear();
        m_remove->setEnabled(false);
        return false;
    }
    QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid()) {
        // Filtered out: show everything rather than select an invisible row.
        m_filter->clear();
        m_status->setCurrentIndex(0);
        index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    }
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    m_remove->setEnabled(true);
    return true;
}

QString BatchListPanel::selectedBatchId() const {
    return m_view->currentIndex().data(BatchHistoryModel::BatchIdRole).toString();
}

QString BatchListPanel::selectedProfileId() const {
    return m_view->currentIndex().data(BatchHistoryModel::ProfileIdRole).toString();
}

void BatchListPanel::onCurrentChanged() {
    const QModelIndex current = m_view->currentIndex();
    m_remove->setEnabled(current.isValid());
    // Rows leaving the proxy move the current row to a neighbour: whether that is a
    // choice (the batch left the history) or not (a filter hid it) is decided once
    // the removal is done, in settle().
    if (m_proxyRemoving || !current.isValid())
        return;
    announce(current);
}

void BatchListPanel::announce(const QModelIndex &current) {
    const QString profileId = current.data(BatchHistoryModel::ProfileIdRole).toString();
    const QString batchId = current.data(BatchHistoryModel::BatchIdRole).toString();
    if (profileId == m_currentProfile && batchId == m_currentBatch)
        return;
    m_currentProfile = profileId;
    m_currentBatch = batchId;
    m_currentListed = true;
    Q_EMIT currentBatchChanged(profileId, current.data(BatchHistoryModel::ProjectIdRole).toString(),
                               batchId);
}

QModelIndex BatchListPanel::shownIndex() const {
    const int sourceRow = m_model->rowOf(m_currentProfile, m_currentBatch);
    return sourceRow < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(sourceRow, 0));
}

void BatchListPanel::scheduleSettle() {
    // The proxy signals a removal before its source has removed anything, so what
    // the removal means is read once both are done: on the next turn of the loop.
    if (m_settlePending)
        return;
    m_settlePending = true;
    QMetaObject::invokeMethod(this, &BatchListPanel::settle, Qt::QueuedConnection);
}

void BatchListPanel::settle() {
    m_settlePending = false;
    m_proxyRemoving = false;
    if (!m_currentBatch.isEmpty()) {
        if (m_model->rowOf(m_currentProfile, m_currentBatch) >= 0) {
            m_currentListed = true;
            // Still in the history, maybe hidden by a filter: keep showing it, select
            // its row when it is visible and no other row otherwise.
            const QModelIndex shown = shownIndex();
            if (shown.isValid() && m_view->currentIndex() != shown)
                m_view->selectionModel()->setCurrentIndex(
                    shown, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            else if (!shown.isValid() && m_view->currentIndex().isValid())
                m_view->selectionModel()->clear();
        } else if (!m_currentListed) {
            // Shown before it was listed (openBatch() of a batch new to the
            // history): nothing to follow yet.
        } else if (m_view->currentIndex().isValid()) {
            announce(m_view->currentIndex()); // it left the history: the neighbour
        } else {
            m_currentProfile.clear();
            m_currentBatch.clear();
            Q_EMIT currentBatchChanged(QString(), QString(), QString());
        }
    }
    m_remove->setEnabled(m_view->currentIndex().isValid());
}

void BatchListPanel::onSourceReset() {
    // Another profile's list (the monitor stops watching on its own), or the first
    // listing: a batch shown but not listed is simply no row's any more.
    if (!m_currentBatch.isEmpty() && m_model->rowOf(m_currentProfile, m_currentBatch) < 0) {
        m_currentProfile.clear();
        m_currentBatch.clear();
    }
}

void BatchListPanel::updateCount() {
    const int shown = m_proxy->rowCount();
    const int all = m_model->rowCount();
    m_count->setText(shown == all ? tr("%1 batches").arg(all)
                                  : tr("%1 of %2 batches").arg(shown).arg(all));
}

} // namespace ica::ui
