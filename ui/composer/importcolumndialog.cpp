#include "ui/composer/importcolumndialog.h"

#include "core/composer/delimitedpreviewmodel.h"
#include "core/composer/idlistparser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ica::ui {

ImportColumnDialog::ImportColumnDialog(const DelimitedTable &table, const QString &fileName,
                                       QWidget *parent)
    : QDialog(parent)
    , m_table(table)
    , m_fileName(fileName)
    , m_model(new DelimitedPreviewModel(this))
    , m_column(new QComboBox(this))
    , m_header(new QCheckBox(tr("&First row is a header"), this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("importColumnDialog"));
    setWindowTitle(tr("Import data IDs from %1").arg(QFileInfo(fileName).fileName()));
    m_model->setTable(table);

    m_column->setObjectName(QStringLiteral("idColumnCombo"));
    m_column->setToolTip(tr("The column that holds the data IDs"));
    m_header->setObjectName(QStringLiteral("headerCheck"));
    m_header->setToolTip(tr("Tick when the first row names the columns instead of holding IDs"));
    m_header->setChecked(table.hasHeader);
    m_view->setObjectName(QStringLiteral("previewTable"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectColumns);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setToolTip(tr("The first rows of the file; click a column to import it"));
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_buttons->setObjectName(QStringLiteral("importButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add IDs"));

    auto *form = new QFormLayout;
    auto *columnLabel = new QLabel(tr("ID &column:"), this);
    columnLabel->setBuddy(m_column);
    form->addRow(columnLabel, m_column);
    form->addRow(QString(), m_header);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);

    for (const QString &name : table.columnNames())
        m_column->addItem(name);
    m_column->setCurrentIndex(qBound(0, table.idColumn, qMax(0, m_column->count() - 1)));

    connect(m_column, &QComboBox::currentIndexChanged, this, [this](int column) {
        m_model->setIdColumn(column);
        m_view->selectColumn(column); // the highlight of the chosen column
        refresh();
    });
    connect(m_header, &QCheckBox::toggled, this, [this](bool on) {
        m_table.hasHeader = on;
        m_model->setHasHeader(on);
        // Column names follow the header choice.
        const int current = m_column->currentIndex();
        const QStringList names = m_table.columnNames();
        for (int c = 0; c < names.size() && c < m_column->count(); ++c)
            m_column->setItemText(c, names.at(c));
        m_column->setCurrentIndex(current);
        refresh();
    });
    connect(m_view, &QTableView::clicked, this,
            [this](const QModelIndex &index) { m_column->setCurrentIndex(index.column()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(640, 420);
    m_view->selectColumn(m_column->currentIndex());
    refresh();
}

int ImportColumnDialog::idColumn() const {
    return m_column->currentIndex();
}

void ImportColumnDialog::setIdColumn(int column) {
    m_column->setCurrentIndex(column);
}

bool ImportColumnDialog::hasHeader() const {
    return m_header->isChecked();
}

void ImportColumnDialog::setHasHeader(bool hasHeader) {
    m_header->setChecked(hasHeader);
}

QStringList ImportColumnDialog::values() const {
    return m_table.columnValues(idColumn());
}

QList<int> ImportColumnDialog::lines() const {
    QList<int> lines;
    (void)m_table.columnValues(idColumn(), &lines);
    return lines;
}

void ImportColumnDialog::refresh() {
    const QStringList vals = values();
    qsizetype wellFormed = 0;
    for (const QString &v : vals)
        if (IdListParser::isWellFormed(v))
            ++wellFormed;
    QString text = tr("%1 values in column \"%2\"; %3 look like data IDs.")
                       .arg(vals.size())
                       .arg(m_column->currentText())
                       .arg(wellFormed);
    if (!vals.isEmpty() && wellFormed == 0)
        text += QLatin1Char(' ') + tr("Is this the right column?");
    if (m_table.truncated)
        text += QLatin1Char(' ') + tr("The file is very long: only its first %1 rows are read.")
                                       .arg(DelimitedFileReader::MaxRows);
    m_summary->setText(text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!vals.isEmpty());
}

} // namespace ica::ui
