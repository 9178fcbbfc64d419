#pragma once

#include "core/domain/batch.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QStackedWidget;

namespace ica {
class ApiCall;
class ApiClient;
class DataNameCache;
} // namespace ica

namespace ica::ui {

/// Details of the selected item, fetched with BatchApi::getItem: what it asked for
/// (data ID, tag changes, archive and delete dates) and how it went (status,
/// additional information). An answer for an item no longer selected is dropped.
///
/// objectNames: itemDetails (this), detailsPlaceholder, detailItemId,
/// detailDataId, detailName, detailPath, detailStatus, detailInfo, detailUserTags,
/// detailTechnicalTags, detailArchiveAt, detailDeleteAt.
class ItemDetailsPanel final : public QWidget {
    Q_OBJECT
public:
    explicit ItemDetailsPanel(QWidget *parent = nullptr);
    ~ItemDetailsPanel() override;

    /// Not owned; null: nothing can be fetched.
    void setClient(ApiClient *client);
    /// Where the data's name and path come from (not owned; null: not shown). The
    /// labels follow the cache's answers for the item shown.
    void setNameCache(DataNameCache *cache);
    /// Fetches and shows an item; an empty `itemId` shows the placeholder.
    void showItem(const QString &projectId, const QString &batchId, const QString &itemId);
    /// Fetches the shown item again when `seen` (the table's row) differs from it.
    void refreshIfChanged(const BatchItem &seen);
    [[nodiscard]] QString itemId() const { return m_itemId; }
    /// The item shown (valid once itemLoaded() was emitted for it).
    [[nodiscard]] const BatchItem &item() const { return m_item; }
    [[nodiscard]] bool isLoading() const;

Q_SIGNALS:
    void itemLoaded(const ica::BatchItem &item);

private:
    void fetch();
    void showPlaceholder(const QString &text);
    void fill(const BatchItem &item);
    void cancel();
    void showName();

    QPointer<ApiClient> m_client;
    QPointer<ApiCall> m_call;
    quint64 m_serial = 0;
    QString m_projectId;
    QString m_batchId;
    QString m_itemId;
    BatchItem m_item;

    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QLabel *m_itemIdLabel;
    QLabel *m_dataId;
    QLabel *m_name;
    QLabel *m_path;
    QPointer<DataNameCache> m_names;
    QMetaObject::Connection m_namesConnection;
    QLabel *m_status;
    QLabel *m_info;
    QLabel *m_userTags;
    QLabel *m_technicalTags;
    QLabel *m_archiveAt;
    QLabel *m_deleteAt;
};

} // namespace ica::ui
