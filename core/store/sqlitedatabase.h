#pragma once

#include "core/store/storeschema.h"

#include <QSqlDatabase>
#include <QString>

class QSqlError;
class QSqlQuery;

namespace ica {

/// One SQLite connection to one file, under a connection name of its own (so
/// several instances, in several threads, never share one). open() creates the
/// folder and file, turns on WAL and full sync, and applies the migrations the
/// file has not seen yet. Use it, and the stores built on it, on the thread that
/// created it: Qt SQL connections are bound to their thread.
class SqliteDatabase final {
    Q_DISABLE_COPY_MOVE(SqliteDatabase)
public:
    /// Why open() failed, for the caller to choose what to do with the file.
    enum class Failure {
        None,
        Damaged,    ///< not a database, or one SQLite finds damaged (garbage, truncated)
        Newer,      ///< a schema newer than this version knows: leave it for that version
        Unwritable, ///< the file or its folder cannot be created or written (permissions, disk)
    };

    /// `path` ":memory:" opens a database that lives in memory only.
    explicit SqliteDatabase(const QString &path, QList<Migration> migrations = storeMigrations());
    /// Closes the connection and removes its name.
    ~SqliteDatabase();

    /// Opens, checks (PRAGMA quick_check) and migrates; on failure says why in
    /// `error` (a sentence with the file name and what to do), sets failure() and
    /// leaves the file as it was.
    [[nodiscard]] bool open(QString *error = nullptr);
    /// What kind of failure the last open() met; None after a success.
    [[nodiscard]] Failure failure() const { return m_failure; }
    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] QSqlDatabase database() const;
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QString connectionName() const { return m_connectionName; }
    /// PRAGMA user_version of the open file; -1 when not open.
    [[nodiscard]] int schemaVersion() const;
    /// The highest version in the migrations this instance was given.
    [[nodiscard]] int latestVersion() const;
    /// PRAGMA journal_mode of the open file ("wal" normally).
    [[nodiscard]] QString journalMode() const;

private:
    bool migrate(QString *error);

    QString m_path;
    QString m_connectionName;
    QList<Migration> m_migrations;
    Failure m_failure = Failure::None;
};

/// Begins a transaction; rolls it back when destroyed unless commit() succeeded.
class SqlTransaction final {
    Q_DISABLE_COPY_MOVE(SqlTransaction)
public:
    explicit SqlTransaction(QSqlDatabase db);
    ~SqlTransaction();
    [[nodiscard]] bool isActive() const { return m_active; }
    /// Commits; false (and rolled back) when SQLite refused.
    bool commit();
    /// Why commit() failed, in SQLite's words with a hint (e.g. "the disk is full").
    [[nodiscard]] QString commitError() const { return m_error; }

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};

/// The driver's text of an error, for messages, with a hint on what to do for the
/// errors a person can act on (disk full, read-only file, damaged file).
[[nodiscard]] QString describeSqlError(const QSqlError &error);
/// Runs a prepared query; on failure sets `error` to "WHAT: driver text".
bool execQuery(QSqlQuery &query, const QString &what, QString *error);

} // namespace ica
