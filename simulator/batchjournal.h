#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ica::sim {

/// A file of the batches a simulator created, one JSON line each ({"projectId", "body"}),
/// so a demo keeps its batches (same ids, same data changes) across restarts: the
/// simulator creates them again at start, in order, and runs each to its end. Batch, job
/// and item ids are reproducible for a seed and call sequence, so they come back the same.
class BatchJournal {
public:
    struct Entry {
        QString projectId;
        QJsonObject body; ///< the CreateProjectDataUpdateBatch as accepted
    };

    explicit BatchJournal(QString path)
        : m_path(std::move(path)) {}

    /// The entries in order; a damaged line (a crash mid-write) is skipped, not fatal.
    QList<Entry> read() const;
    /// Appends one entry and flushes it. False when the file cannot be written.
    bool append(const QString &projectId, const QJsonObject &body) const;
    const QString &path() const { return m_path; }

private:
    QString m_path;
};

} // namespace ica::sim
