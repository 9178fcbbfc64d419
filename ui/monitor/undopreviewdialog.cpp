#include "ui/monitor/undopreviewdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ica::ui {

UndoPlanModel::UndoPlanModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void UndoPlanModel::setPlan(const UndoPlan &plan) {
    beginResetModel();
    m_rows = plan.rows;
    m_skipped = plan.skipped;
    endResetModel();
}

int UndoPlanModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size() + m_skipped.size());
}

int UndoPlanModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString UndoPlanModel::describe(const DataState &s) {
    const auto date = [](const QDateTime &d) {
        return d.isValid() ? formatDateTime(d) : tr("none");
    };
    QString text =
        tr("user: %1; technical: %2")
            .arg(s.userTags.isEmpty() ? tr("none") : s.userTags.join(QStringLiteral(", ")),
                 s.technicalTags.isEmpty() ? tr("none")
                                           : s.technicalTags.join(QStringLiteral(", ")));
    if (!s.folder)
        text +=
            tr("; archive: %1; delete: %2").arg(date(s.willBeArchivedAt), date(s.willBeDeletedAt));
    return text;
}

QVariant UndoPlanModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const int row = index.row();
    if (row < m_rows.size()) {
        const UndoRow &r = m_rows.at(row);
        switch (index.column()) {
        case Item:
            return r.now.id;
        case Name:
            return r.now.path.isEmpty() ? r.now.name : r.now.path;
        case Now:
            return describe(r.now);
        case After:
            return describe(r.after);
        case Note:
            return r.note.isEmpty() && !r.now.viaFolder.isEmpty()
                       ? tr("inside folder %1").arg(r.now.viaFolder)
                       : r.note;
        default:
            return {};
        }
    }
    const UndoSkip &s = m_skipped.at(row - m_rows.size());
    switch (index.column()) {
    case Item:
        return s.dataId;
    case Name:
        return s.name;
    case Now:
        return {};
    case After:
        return tr("skipped");
    case Note:
        return s.why;
    default:
        return {};
    }
}

QVariant UndoPlanModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Item:
        return tr("Item");
    case Name:
        return tr("Name");
    case Now:
        return tr("Now");
    case After:
        return tr("After undo");
    case Note:
        return tr("Note");
    default:
        return {};
    }
}

UndoPreviewDialog::UndoPreviewDialog(const QString &batchId, const UndoPlan &plan, QWidget *parent)
    : QDialog(parent)
    , m_plan(plan)
    , m_model(new UndoPlanModel(this)) {
    setObjectName(QStringLiteral("undoPreviewDialog"));
    setWindowTitle(tr("Undo batch %1").arg(batchId));
    m_model->setPlan(plan);

    auto *summary = new QLabel(this);
    summary->setObjectName(QStringLiteral("undoSummary"));
    summary->setWordWrap(true);
    QString text =
        tr("A new draft will revert what batch %1 did: %2.").arg(batchId, plan.summary());
    for (const QString &warning : plan.warnings)
        text += QLatin1Char('\n') + warning;
    if (plan.request.dataUpdateGroups.isEmpty())
        text += QLatin1Char('\n') + tr("There is nothing to undo.");
    summary->setText(text);

    auto *table = new QTableView(this);
    table->setObjectName(QStringLiteral("undoTable"));
    table->setModel(m_model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    // Fixed row heights: sizing 100,000 rows to their contents would stall the GUI.
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *make = buttons->addButton(tr("Make draft"), QDialogButtonBox::AcceptRole);
    make->setObjectName(QStringLiteral("undoMakeDraftButton"));
    make->setEnabled(!plan.request.dataUpdateGroups.isEmpty());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    resize(900, 500);
}

} // namespace ica::ui
