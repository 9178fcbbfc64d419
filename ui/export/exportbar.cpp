#include "ui/export/exportbar.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

#include <algorithm>

namespace ica::ui {

ExportBar::ExportBar(QWidget *parent)
    : QWidget(parent)
    , m_job(new ListingExport(this))
    , m_label(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QToolButton(this)) {
    setObjectName(QStringLiteral("exportBar"));
    m_label->setObjectName(QStringLiteral("exportLabel"));
    m_label->setTextFormat(Qt::PlainText);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setTextVisible(true);
    m_cancel->setObjectName(QStringLiteral("exportCancelButton"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the export; nothing is saved"));
    m_cancel->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_cancel, &QToolButton::clicked, m_job, &ListingExport::cancel);
    connect(m_job, &ListingExport::progress, this, &ExportBar::onProgress);
    connect(m_job, &ListingExport::finished, this,
            [this](ListingExport::Outcome outcome, const QString &message) {
                hide();
                Q_EMIT finished(outcome, message);
            });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_cancel);
    hide();
}

QString ExportBar::chooseWithDialog(QWidget *parent, const QString &suggestedName) {
    const QString csv = tr("CSV (*.csv)");
    const QString json = tr("JSON, as the API lists it (*.json)");
    QString selected = suggestedName.endsWith(QLatin1String(".json")) ? json : csv;
    QString path =
        QFileDialog::getSaveFileName(parent, tr("Export"), QDir::home().filePath(suggestedName),
                                     csv + QStringLiteral(";;") + json, &selected);
    if (path.isEmpty())
        return path;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("csv") && suffix != QLatin1String("json"))
        path += selected == json ? QStringLiteral(".json") : QStringLiteral(".csv");
    return path;
}

void ExportBar::setPathChooser(SavePathChooser chooser) {
    m_chooser = std::move(chooser);
}

QString ExportBar::choosePath(const QString &suggestedName) {
    return m_chooser ? m_chooser(window(), suggestedName)
                     : chooseWithDialog(window(), suggestedName);
}

void ExportBar::shown() {
    m_label->setText(tr("Exporting to %1…").arg(QFileInfo(m_job->path()).fileName()));
    m_label->setToolTip(QDir::toNativeSeparators(m_job->path()));
    m_progress->setRange(0, 0); // busy until the listing's size is known
    m_progress->setFormat(QString());
    show();
}

void ExportBar::onProgress(qint64 rows, qint64 expected) {
    const QLocale locale;
    if (expected > 0) {
        // QProgressBar counts in int: per mille of the rows expected.
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(std::clamp<qint64>(rows * 1000 / expected, 0, 1000)));
        m_progress->setFormat(
            tr("%1 of about %2 rows").arg(locale.toString(rows), locale.toString(expected)));
    } else {
        m_progress->setRange(0, 0);
        m_progress->setFormat(tr("%1 rows").arg(locale.toString(rows)));
    }
}

} // namespace ica::ui
