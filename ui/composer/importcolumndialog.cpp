#include "ui/composer/importcolumndialog.h"
#include "ui_importcolumndialog.h"

#include "core/composer/delimitedpreviewmodel.h"
#include "core/composer/idlistparser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QTableView>

namespace ica::ui {

ImportColumnDialog::ImportColumnDialog(const DelimitedTable &table, const QString &fileName,
                                       QWidget *parent)
    : QDialog(parent)
    , m_table(table)
    , m_fileName(fileName)
    , m_model(new DelimitedPreviewModel(this))
    , m_ui(std::make_unique<Ui::ImportColumnDialog>()) {
    m_ui->setupUi(this);
    setWindowTitle(tr("Import data IDs from %1").arg(QFileInfo(fileName).fileName()));
    m_model->setTable(table);
    m_ui->headerCheck->setChecked(table.hasHeader);
    m_ui->previewTable->setModel(m_model);
    m_ui->importButtons->button(QDialogButtonBox::Ok)->setText(tr("&Add IDs"));

    for (const QString &name : table.columnNames())
        m_ui->idColumnCombo->addItem(name);
    m_ui->idColumnCombo->setCurrentIndex(
        qBound(0, table.idColumn, qMax(0, m_ui->idColumnCombo->count() - 1)));

    connect(m_ui->idColumnCombo, &QComboBox::currentIndexChanged, this, [this](int column) {
        m_model->setIdColumn(column);
        m_ui->previewTable->selectColumn(column); // the highlight of the chosen column
        refresh();
    });
    connect(m_ui->headerCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_table.hasHeader = on;
        m_model->setHasHeader(on);
        // Column names follow the header choice.
        const int current = m_ui->idColumnCombo->currentIndex();
        const QStringList names = m_table.columnNames();
        for (int c = 0; c < names.size() && c < m_ui->idColumnCombo->count(); ++c)
            m_ui->idColumnCombo->setItemText(c, names.at(c));
        m_ui->idColumnCombo->setCurrentIndex(current);
        refresh();
    });
    connect(m_ui->previewTable, &QTableView::clicked, this, [this](const QModelIndex &index) {
        m_ui->idColumnCombo->setCurrentIndex(index.column());
    });
    connect(m_ui->importButtons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->importButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->previewTable->selectColumn(m_ui->idColumnCombo->currentIndex());
    refresh();
}

ImportColumnDialog::~ImportColumnDialog() = default;

int ImportColumnDialog::idColumn() const {
    return m_ui->idColumnCombo->currentIndex();
}

void ImportColumnDialog::setIdColumn(int column) {
    m_ui->idColumnCombo->setCurrentIndex(column);
}

bool ImportColumnDialog::hasHeader() const {
    return m_ui->headerCheck->isChecked();
}

void ImportColumnDialog::setHasHeader(bool hasHeader) {
    m_ui->headerCheck->setChecked(hasHeader);
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
                       .arg(m_ui->idColumnCombo->currentText())
                       .arg(wellFormed);
    if (!vals.isEmpty() && wellFormed == 0)
        text += QLatin1Char(' ') + tr("Is this the right column?");
    if (m_table.truncated)
        text += QLatin1Char(' ') + tr("The file is very long: only its first %1 rows are read.")
                                       .arg(DelimitedFileReader::MaxRows);
    m_ui->importSummary->setText(text);
    m_ui->importButtons->button(QDialogButtonBox::Ok)->setEnabled(!vals.isEmpty());
}

} // namespace ica::ui
