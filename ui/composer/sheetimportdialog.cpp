#include "ui/composer/sheetimportdialog.h"

#include "core/api/apiclient.h"

#include "core/composer/delimitedpreviewmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ica::ui {

namespace {

/// Bad rows listed at most: more would only slow the dialog down; the count says
/// how many there are.
constexpr int ListedBadRows = 1000;

} // namespace

SheetImportDialog::SheetImportDialog(const DelimitedTable &table, const QString &fileName,
                                     ApiClient *client, const QString &projectId, QWidget *parent)
    : QDialog(parent)
    , m_table(table)
    , m_fileName(fileName)
    , m_client(client)
    , m_projectId(projectId)
    , m_model(new DelimitedPreviewModel(this))
    , m_preview(new QTableView(this))
    , m_header(new QCheckBox(tr("The first row names the columns"), this))
    , m_summary(new QLabel(this))
    , m_badRows(new QListWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Import changes from %1").arg(QFileInfo(fileName).fileName()));
    const SheetMapping guessed = SheetMapping::guess(table);
    m_table.hasHeader = guessed.hasHeader;
    m_model->setTable(m_table);
    m_model->setIdColumn(-1);
    m_preview->setObjectName(QStringLiteral("sheetPreview"));
    m_preview->setModel(m_model);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_header->setObjectName(QStringLiteral("sheetHeaderCheck"));
    m_header->setChecked(guessed.hasHeader);
    m_summary->setObjectName(QStringLiteral("sheetSummary"));
    m_summary->setWordWrap(true);
    m_badRows->setObjectName(QStringLiteral("sheetBadRows"));
    m_buttons->setObjectName(QStringLiteral("sheetButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add to draft"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);

    auto *form = new QFormLayout;
    for (int r = 0; r < SheetMapping::RoleCount; ++r) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("sheetRole%1").arg(r));
        combo->addItem(tr("(none)"));
        combo->addItems(m_table.columnNames());
        combo->setCurrentIndex(guessed.columns[r] + 1);
        connect(combo, &QComboBox::currentIndexChanged, this, &SheetImportDialog::recheck);
        QString label = SheetMapping::roleName(SheetMapping::Role(r));
        label[0] = label.at(0).toUpper();
        form->addRow(label + QLatin1Char(':'), combo);
        m_roles.append(combo);
    }
    connect(m_header, &QCheckBox::toggled, this, [this](bool on) {
        m_table.hasHeader = on;
        m_model->setHasHeader(on);
        const QStringList names = m_table.columnNames();
        for (QComboBox *combo : std::as_const(m_roles))
            for (int c = 0; c < names.size() && c + 1 < combo->count(); ++c)
                combo->setItemText(c + 1, names.at(c));
        recheck();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *hint = new QLabel(tr("Each row names a data ID or a project path and carries its "
                               "changes; several tags in a cell are separated by ';' or '|'. "
                               "Rows with the same changes become one group."),
                            this);
    hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_preview, 2);
    layout->addWidget(m_header);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_badRows, 1);
    layout->addWidget(m_buttons);
    resize(760, 640);
    recheck();
}

SheetImportDialog::~SheetImportDialog() = default;

SheetMapping SheetImportDialog::mapping() const {
    SheetMapping m;
    m.hasHeader = m_header->isChecked();
    for (int r = 0; r < SheetMapping::RoleCount; ++r)
        m.columns[r] = m_roles.at(r)->currentIndex() - 1;
    return m;
}

void SheetImportDialog::setMapping(const SheetMapping &mapping) {
    {
        // One check for the whole change, not one per combo box.
        const QSignalBlocker blockHeader(m_header);
        m_header->setChecked(mapping.hasHeader);
        m_table.hasHeader = mapping.hasHeader;
        m_model->setHasHeader(mapping.hasHeader);
        for (int r = 0; r < SheetMapping::RoleCount; ++r) {
            const QSignalBlocker block(m_roles.at(r));
            m_roles.at(r)->setCurrentIndex(mapping.columns[r] + 1);
        }
    }
    recheck();
}

QComboBox *SheetImportDialog::roleCombo(SheetMapping::Role role) const {
    return m_roles.at(int(role));
}

void SheetImportDialog::recheck() {
    // A new run: the callbacks of the one in flight belong to its context and die with it.
    delete m_run;
    m_run = new QObject(this);
    m_ready = false;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_badRows->clear();
    const SheetMapping m = mapping();
    if (const QString problem = m.problem(); !problem.isEmpty()) {
        m_summary->setText(problem);
        return;
    }
    if (m.byPath() && (!m_client || m_projectId.isEmpty())) {
        m_summary->setText(tr("Choose the draft's project first: the paths are looked up in it."));
        return;
    }
    m_summary->setText(tr("Reading the sheet…"));
    QObject *run = m_run;
    SheetImport::buildAsync(m_table, m, run, [this, run, m](const SheetPlan &built) {
        if (!m.byPath() || !built.ok()) {
            showResult(built);
            return;
        }
        m_summary->setText(tr("Looking up %n path(s) in the project…", nullptr, built.goodRows()));
        auto plan = std::make_shared<SheetPlan>(built);
        SheetImport::resolvePaths(
            m_client, m_projectId, plan.get(), run, [this, plan](bool ok, const QString &error) {
                if (!ok) {
                    m_summary->setText(tr("The paths could not be looked up: %1").arg(error));
                    return;
                }
                showResult(*plan);
            });
    });
}

void SheetImportDialog::showResult(const SheetPlan &plan) {
    m_plan = plan;
    if (!plan.ok()) {
        m_summary->setText(plan.error);
        return;
    }
    m_ready = true;
    m_summary->setText(plan.summary() + QLatin1Char('.'));
    for (const SheetBadRow &row : plan.badRows.mid(0, ListedBadRows))
        m_badRows->addItem(tr("Line %1: %2").arg(row.line).arg(row.reason));
    if (plan.badRows.size() > ListedBadRows)
        m_badRows->addItem(tr("… and %1 more").arg(plan.badRows.size() - ListedBadRows));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!plan.groups.isEmpty());
    Q_EMIT checked();
}

} // namespace ica::ui
