#pragma once

#include "core/store/storeresult.h"

#include <QByteArray>
#include <QString>

namespace ica {

class SqliteDatabase;

/// Each batch's progress curve (ProgressCurve::toJson()) per profile, in the SQLite
/// store, so a finished batch still shows how it ran. Synchronous: use it on the
/// thread that opened `db`; StoreWorker runs it off the GUI thread.
class BatchProgressStore final {
    Q_DISABLE_COPY_MOVE(BatchProgressStore)
public:
    /// `db` must be open and outlive this store.
    explicit BatchProgressStore(SqliteDatabase &db);

    /// Replaces the batch's curve.
    StoreResult<bool> save(const QString &profileId, const QString &batchId,
                           const QByteArray &curveJson);
    /// The stored curve; empty when there is none.
    [[nodiscard]] StoreResult<QByteArray> load(const QString &profileId,
                                               const QString &batchId) const;
    /// Forgets one batch's curve, or (empty batch ID) every curve of the profile.
    StoreResult<bool> remove(const QString &profileId, const QString &batchId = {});

private:
    SqliteDatabase &m_db;
};

} // namespace ica
