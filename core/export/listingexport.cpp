#include "core/export/listingexport.h"

#include <QDir>

namespace ica {

ListingExport::ListingExport(QObject *parent)
    : QObject(parent) {}

ListingExport::~ListingExport() {
    // The ExportFile child discards what it did not commit when it is destroyed.
    stopFetching();
}

RowTextFormat ListingExport::formatForPath(const QString &path) {
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? RowTextFormat::Json
                                                                      : RowTextFormat::Csv;
}

void ListingExport::begin(const QString &path) {
    m_path = path;
    m_running = true;
    ++m_serial;
    m_rowsWritten = 0;
    m_rowsFetched = 0;
    m_expected = -1;
    m_calls.clear();
    m_waiting.clear();
    m_ending.reset();
    // A fresh file and a fresh context per run: nothing of an earlier run can reach
    // this one (its late answers go to a context that is gone).
    delete m_file;
    m_file = new ExportFile(this);
    connect(m_file, &ExportFile::written, this, [this](qint64, qint64 rows) { onWritten(rows); });
    connect(m_file, &ExportFile::failed, this, [this](const QString &reason) {
        failWith(tr("Could not write %1: %2. Choose another folder or free some space, then "
                    "export again.")
                     .arg(QDir::toNativeSeparators(m_path), reason));
    });
    connect(m_file, &ExportFile::discarded, this, [this]() {
        if (!m_ending)
            return;
        const auto [outcome, message] = *std::exchange(m_ending, std::nullopt);
        Q_EMIT finished(outcome, message);
    });
    connect(m_file, &ExportFile::committed, this, [this]() {
        if (!m_running)
            return;
        m_running = false;
        ++m_serial;
        Q_EMIT progress(m_rowsWritten, qMax(m_expected, m_rowsWritten));
        Q_EMIT finished(Outcome::Written, tr("Exported %n row(s) to %1.", nullptr,
                                             int(qMin<qint64>(m_rowsWritten, INT_MAX)))
                                              .arg(QDir::toNativeSeparators(m_path)));
    });
    m_run = new QObject(this);
    m_file->open(path);
}

void ListingExport::queueWrite(const QByteArray &bytes, qint64 rows) {
    if (!m_running)
        return;
    m_file->write(bytes, rows);
}

void ListingExport::onWritten(qint64 rows) {
    if (!m_running)
        return;
    m_rowsWritten += rows;
    if (rows > 0)
        Q_EMIT progress(m_rowsWritten, m_expected);
    runWaitingRequests();
}

void ListingExport::runWaitingRequests() {
    while (m_running && !m_waiting.isEmpty() && m_file->pendingBytes() <= MaxPendingBytes)
        m_waiting.takeFirst()();
}

void ListingExport::noteExpected(const PageInfo &info, qint64 rowsOnPage, bool offset) {
    m_rowsFetched += rowsOnPage;
    if (offset) {
        if (info.totalItemCount)
            m_expected = *info.totalItemCount;
    } else if (info.remainingRecords) {
        m_expected = m_rowsFetched + *info.remainingRecords;
    } else if (!info.hasMore()) {
        m_expected = m_rowsFetched;
    }
}

void ListingExport::stopFetching() {
    m_waiting.clear();
    const QList<QPointer<ApiCall>> calls = std::exchange(m_calls, {});
    for (const QPointer<ApiCall> &call : calls) {
        if (call)
            call->cancel();
    }
    // The calls' answers (a cancel error, or one already decoded) go to this
    // context: once it is gone they are dropped; until then the run's serial
    // drops them. deleteLater: this may run inside one of its answers.
    if (m_run)
        m_run->deleteLater();
    m_run = nullptr;
}

void ListingExport::cancel() {
    if (!m_running)
        return;
    end(Outcome::Cancelled, QString());
}

void ListingExport::failWith(const QString &message) {
    if (!m_running)
        return;
    end(Outcome::Failed, message);
}

void ListingExport::end(Outcome outcome, const QString &message) {
    m_running = false;
    ++m_serial;
    stopFetching();
    m_ending = std::make_pair(outcome, message);
    m_file->discard(); // finished() follows once the temporary file is gone
}

QString ListingExport::streamErrorMessage(const ApiError &error) const {
    return tr("The export to %1 stopped after %n row(s): %2. Nothing was saved; try again.",
              nullptr, int(qMin<qint64>(m_rowsFetched, INT_MAX)))
        .arg(QDir::toNativeSeparators(m_path), error.toString());
}

} // namespace ica
