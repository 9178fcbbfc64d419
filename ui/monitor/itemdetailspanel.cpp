#include "ui/monitor/itemdetailspanel.h"

#include "core/api/apicall.h"
#include "core/api/batchapi.h"
#include "core/data/datanames.h"
#include "core/diagnostics/statusnotices.h"
#include "core/monitor/batchitemsmodel.h"
#include "ui/style/statusstyle.h"

#include <QFormLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ica::ui {

namespace {

QLabel *field(const QString &objectName, QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QString describeTags(const TagUpdate &tags) {
    QStringList parts;
    if (!tags.addTags.isEmpty())
        parts.append(ItemDetailsPanel::tr("add %1").arg(tags.addTags.join(QStringLiteral(", "))));
    if (!tags.removeTags.isEmpty())
        parts.append(
            ItemDetailsPanel::tr("remove %1").arg(tags.removeTags.join(QStringLiteral(", "))));
    return parts.isEmpty() ? ItemDetailsPanel::tr("no change") : parts.join(QStringLiteral("; "));
}

void setDate(QLabel *label, const QDateTime &when) {
    label->setText(when.isValid() ? localTimeText(when) : ItemDetailsPanel::tr("not set"));
    label->setToolTip(utcTimeText(when));
}

} // namespace

ItemDetailsPanel::ItemDetailsPanel(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_itemIdLabel(field(QStringLiteral("detailItemId"), this))
    , m_dataId(field(QStringLiteral("detailDataId"), this))
    , m_name(field(QStringLiteral("detailName"), this))
    , m_path(field(QStringLiteral("detailPath"), this))
    , m_status(field(QStringLiteral("detailStatus"), this))
    , m_info(field(QStringLiteral("detailInfo"), this))
    , m_userTags(field(QStringLiteral("detailUserTags"), this))
    , m_technicalTags(field(QStringLiteral("detailTechnicalTags"), this))
    , m_archiveAt(field(QStringLiteral("detailArchiveAt"), this))
    , m_deleteAt(field(QStringLiteral("detailDeleteAt"), this)) {
    setObjectName(QStringLiteral("itemDetails"));
    m_placeholder->setObjectName(QStringLiteral("detailsPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);

    auto *details = new QWidget(this);
    auto *form = new QFormLayout(details);
    form->addRow(tr("Item ID:"), m_itemIdLabel);
    form->addRow(tr("Data ID:"), m_dataId);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Path:"), m_path);
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Information:"), m_info);
    form->addRow(tr("User tags:"), m_userTags);
    form->addRow(tr("Technical tags:"), m_technicalTags);
    form->addRow(tr("Archive on:"), m_archiveAt);
    form->addRow(tr("Delete on:"), m_deleteAt);

    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(details);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    showPlaceholder(tr("Select one item to see its details."));
}

ItemDetailsPanel::~ItemDetailsPanel() {
    cancel();
}

bool ItemDetailsPanel::isLoading() const {
    return !m_call.isNull();
}

void ItemDetailsPanel::setClient(ApiClient *client) {
    cancel();
    m_client = client;
}

void ItemDetailsPanel::setNameCache(DataNameCache *cache) {
    disconnect(m_namesConnection);
    m_names = cache;
    if (cache)
        m_namesConnection =
            connect(cache, &DataNameCache::namesResolved, this, [this](const QString &projectId) {
                if (projectId == m_projectId && !m_item.id.isEmpty())
                    showName();
            });
}

void ItemDetailsPanel::showName() {
    const QString dataId = m_item.request.dataId;
    DataName name;
    if (m_names && !dataId.isEmpty()) {
        name = m_names->name(m_projectId, dataId);
        if (name.state == DataName::State::Unknown) {
            m_names->resolve(m_projectId, {dataId});
            name = m_names->name(m_projectId, dataId);
        }
    }
    const bool missing = name.state == DataName::State::NotFound;
    switch (name.state) {
    case DataName::State::Found:
        m_name->setText(name.name);
        m_path->setText(name.path);
        break;
    case DataName::State::NotFound:
        m_name->setText(tr("not found"));
        m_path->setText(tr("not found"));
        break;
    case DataName::State::Pending:
        m_name->setText(tr("…"));
        m_path->setText(tr("…"));
        break;
    case DataName::State::Unknown:
        m_name->setText(tr("—"));
        m_path->setText(tr("—"));
        break;
    }
    m_name->setEnabled(!missing); // greyed: the project has no data with this ID
    m_path->setEnabled(!missing);
    m_name->setToolTip(missing ? tr("The project has no data with this ID") : QString());
}

void ItemDetailsPanel::showItem(const QString &projectId, const QString &batchId,
                                const QString &itemId) {
    cancel();
    m_projectId = projectId;
    m_batchId = batchId;
    m_itemId = itemId;
    m_item = BatchItem();
    if (itemId.isEmpty()) {
        showPlaceholder(tr("Select one item to see its details."));
        return;
    }
    showPlaceholder(tr("Loading the item…"));
    fetch();
}

void ItemDetailsPanel::refreshIfChanged(const BatchItem &seen) {
    if (seen.id.isEmpty() || seen.id != m_itemId || isLoading() || seen == m_item)
        return;
    fetch(); // keeps showing the old state until the answer comes
}

void ItemDetailsPanel::fetch() {
    if (!m_client) {
        showPlaceholder(tr("Not connected: choose a profile to load item details."));
        return;
    }
    cancel();
    const quint64 serial = ++m_serial;
    m_call = BatchApi(m_client).getItem(
        m_projectId, m_batchId, m_itemId, this, [this, serial](const Result<BatchItem> &result) {
            if (serial != m_serial)
                return; // an item no longer selected
            m_call = nullptr;
            if (!result.ok()) {
                if (m_item.id.isEmpty())
                    showPlaceholder(
                        tr("The item could not be loaded: %1").arg(result.error.toString()));
                StatusNotices::post(
                    tr("Item details could not be loaded: %1").arg(result.error.toString()));
                return;
            }
            m_item = *result.value;
            fill(m_item);
            Q_EMIT itemLoaded(m_item);
        });
}

void ItemDetailsPanel::cancel() {
    ++m_serial;
    if (ApiCall *call = m_call.data()) {
        m_call = nullptr;
        call->cancel();
    }
}

void ItemDetailsPanel::showPlaceholder(const QString &text) {
    m_placeholder->setText(text);
    m_stack->setCurrentWidget(m_placeholder);
}

void ItemDetailsPanel::fill(const BatchItem &item) {
    m_itemIdLabel->setText(item.id);
    m_dataId->setText(item.request.dataId);
    showName();
    m_status->setText(BatchItemsModel::statusLabel(item.status));
    m_status->setToolTip(item.status.toString());
    setTextTone(m_status, toneOf(statusKind(item.status.value())));
    m_info->setText(item.additionalStatusInformation.isEmpty() ? tr("—")
                                                               : item.additionalStatusInformation);
    m_userTags->setText(describeTags(item.request.userTags));
    m_technicalTags->setText(describeTags(item.request.technicalTags));
    setDate(m_archiveAt, item.request.willBeArchivedAt);
    setDate(m_deleteAt, item.request.willBeDeletedAt);
    m_stack->setCurrentIndex(1);
}

} // namespace ica::ui
