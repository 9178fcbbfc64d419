#include "core/monitor/itemsfilterproxy.h"

#include "core/data/datanames.h"
#include "core/monitor/batchitemsmodel.h"
#include "core/monitor/failuresummary.h"
#include "core/rows/offthread.h"

#include <QtConcurrent/QtConcurrentRun>

namespace ica {

ItemsFilterProxy::ItemsFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setDynamicSortFilter(true);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ItemsFilterProxy::onMatched);
}

ItemsFilterProxy::~ItemsFilterProxy() {
    m_watcher.disconnect(this); // a job in flight holds only its own copies
    destroyOffThread(std::exchange(m_matches, {}));
}

void ItemsFilterProxy::setItemsModel(BatchItemsModel *model) {
    if (model == m_items)
        return;
    disconnect(m_itemsConnection);
    m_items = model;
    if (model)
        m_itemsConnection = connect(model, &QAbstractItemModel::dataChanged, this,
                                    [this](const QModelIndex &from, const QModelIndex &to) {
                                        // Names arrived: the matches are found again from the names
                                        // known now.
                                        if (!m_wantedText.isEmpty() &&
                                            from.column() <= BatchItemsModel::PathColumn &&
                                            to.column() >= BatchItemsModel::NameColumn) {
                                            ++m_serial;
                                            match();
                                        }
                                    });
}

const BatchItemsModel *ItemsFilterProxy::items() const {
    if (m_items)
        return m_items;
    return qobject_cast<const BatchItemsModel *>(sourceModel());
}

void ItemsFilterProxy::setNameFilter(const QString &text) {
    const QString trimmed = text.trimmed();
    if (trimmed == m_wantedText)
        return;
    m_wantedText = trimmed;
    ++m_serial;
    if (trimmed.isEmpty())
        applyNameFilter(QString(), {}); // any row: nothing to find
    else
        match();
}

void ItemsFilterProxy::match() {
    if (m_watcher.isRunning())
        return; // onMatched() starts the newest text once this one is done
    const BatchItemsModel *model = items();
    DataNames names;
    if (model && model->nameSource())
        names = model->nameSource()->known(model->nameProjectId()); // shared, not copied
    m_jobSerial = m_serial;
    m_matchingText = m_wantedText;
    m_watcher.setFuture(QtConcurrent::run([text = m_wantedText, names = std::move(names)]() {
        return NameMatches::of(text, names);
    }));
}

void ItemsFilterProxy::onMatched() {
    NameMatches matches = m_watcher.future().takeResult();
    if (m_jobSerial != m_serial) {
        // Another text, or names arrived meanwhile: only the newest answer applies.
        destroyOffThread(std::move(matches));
        if (!m_wantedText.isEmpty())
            match();
        return;
    }
    applyNameFilter(m_matchingText, std::move(matches));
}

void ItemsFilterProxy::applyNameFilter(const QString &text, NameMatches matches) {
    const bool same = text == m_text && text.isEmpty();
    destroyOffThread(std::exchange(m_matches, std::move(matches)));
    if (same)
        return;
    m_text = text;
    // One cheap pass (a set look-up a row), and none at all while detached.
    invalidateRowsFilter();
    Q_EMIT filterChanged();
}

void ItemsFilterProxy::setReasonFilter(bool on, const QString &reason) {
    const QString wanted = on ? reason : QString();
    if (on == m_reasonOn && wanted == m_reason)
        return;
    m_reasonOn = on;
    m_reason = wanted;
    m_reasonMatches.clear();
    invalidateRowsFilter();
    Q_EMIT filterChanged();
}

bool ItemsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QAbstractItemModel *source = sourceModel();
    if (!source)
        return true;
    if (m_reasonOn) {
        const QString info =
            source->index(sourceRow, BatchItemsModel::AdditionalInformationColumn, sourceParent)
                .data()
                .toString();
        auto it = m_reasonMatches.constFind(info);
        if (it == m_reasonMatches.cend())
            it = m_reasonMatches.insert(info, FailureSummary::reasonOf(info) == m_reason);
        if (!*it)
            return false;
    }
    if (m_text.isEmpty())
        return true;
    // One set look-up a row, no text built: this runs over every loaded row.
    const BatchItemsModel *model = items();
    return model && model == source &&
           m_matches.contains(model->packedDataIdAt(sourceRow), model->valuePool());
}

} // namespace ica
