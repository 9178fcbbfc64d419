#include "core/store/storeschema.h"

namespace ica {

QList<Migration> storeMigrations() {
    // Times are milliseconds since the epoch, UTC. JSON is stored as compact text.
    return {
        {1,
         {
             QStringLiteral("CREATE TABLE IF NOT EXISTS batch_history ("
                            " id INTEGER PRIMARY KEY,"
                            " profile_id TEXT NOT NULL,"
                            " batch_id TEXT NOT NULL,"
                            " project_id TEXT NOT NULL,"
                            " project_name TEXT NOT NULL DEFAULT '',"
                            " origin TEXT NOT NULL DEFAULT 'created',"
                            " created_at INTEGER,"
                            " summary TEXT NOT NULL DEFAULT '',"
                            " request_json TEXT,"
                            " job_status TEXT NOT NULL DEFAULT '',"
                            " item_counts_json TEXT,"
                            " last_refreshed_at INTEGER,"
                            " UNIQUE (profile_id, batch_id))"),
             QStringLiteral("CREATE INDEX IF NOT EXISTS batch_history_by_batch"
                            " ON batch_history (batch_id)"),
             QStringLiteral("CREATE INDEX IF NOT EXISTS batch_history_by_profile"
                            " ON batch_history (profile_id, created_at)"),
             QStringLiteral("CREATE TABLE IF NOT EXISTS drafts ("
                            " id TEXT PRIMARY KEY,"
                            " name TEXT NOT NULL DEFAULT '',"
                            " profile_id TEXT NOT NULL DEFAULT '',"
                            " project_id TEXT NOT NULL DEFAULT '',"
                            " content_json TEXT NOT NULL,"
                            " created_at INTEGER NOT NULL,"
                            " updated_at INTEGER NOT NULL)"),
             QStringLiteral("CREATE INDEX IF NOT EXISTS drafts_by_updated ON drafts (updated_at)"),
         }},
        // The state of a batch's data before it was sent, for "Undo this batch…":
        // UndoSnapshot::compressed() (qCompress'd compact JSON).
        {2,
         {
             QStringLiteral("CREATE TABLE IF NOT EXISTS batch_snapshots ("
                            " profile_id TEXT NOT NULL,"
                            " batch_id TEXT NOT NULL,"
                            " project_id TEXT NOT NULL,"
                            " taken_at INTEGER NOT NULL,"
                            " snapshot BLOB NOT NULL,"
                            " PRIMARY KEY (profile_id, batch_id))"),
         }},
        // The progress curves of batches and each profile's tag catalog.
        {3,
         {
             QStringLiteral("CREATE TABLE IF NOT EXISTS batch_progress ("
                            " profile_id TEXT NOT NULL,"
                            " batch_id TEXT NOT NULL,"
                            " curve_json TEXT NOT NULL,"
                            " updated_at INTEGER,"
                            " PRIMARY KEY (profile_id, batch_id))"),
             QStringLiteral("CREATE TABLE IF NOT EXISTS tag_catalog ("
                            " profile_id TEXT NOT NULL,"
                            " kind TEXT NOT NULL,"
                            " tag TEXT NOT NULL,"
                            " use_count INTEGER NOT NULL DEFAULT 0,"
                            " PRIMARY KEY (profile_id, kind, tag))"),
         }},
    };
}

} // namespace ica
