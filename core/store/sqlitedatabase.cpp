#include "core/store/sqlitedatabase.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace ica {

namespace {

QAtomicInt connectionCounter;

int pragmaInt(const QSqlDatabase &db, const QString &name) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA %1").arg(name)) || !q.next())
        return -1;
    return q.value(0).toInt();
}

// SQLite's primary result codes (sqlite3.h); the driver reports them as text.
constexpr int SqliteReadOnly = 8;
constexpr int SqliteIoError = 10;
constexpr int SqliteCorrupt = 11;
constexpr int SqliteFull = 13;
constexpr int SqliteCantOpen = 14;
constexpr int SqliteNotADatabase = 26;

/// The primary SQLite code of `error` (extended codes carry it in the low byte).
int sqliteCode(const QSqlError &error) {
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

bool isDamage(const QSqlError &error) {
    const int code = sqliteCode(error);
    return code == SqliteCorrupt || code == SqliteNotADatabase;
}

} // namespace

QString describeSqlError(const QSqlError &error) {
    // SQLite's own words ("disk I/O error"); Qt's ("Unable to fetch row") only add noise.
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.text().trimmed();
    const QString base = text.isEmpty() ? QCoreApplication::translate("ica::SqliteDatabase",
                                                                      "unknown database error")
                                        : text;
    switch (sqliteCode(error)) {
    case SqliteFull:
        return QCoreApplication::translate("ica::SqliteDatabase",
                                           "%1; the disk is full: free some space")
            .arg(base);
    case SqliteIoError:
        return QCoreApplication::translate("ica::SqliteDatabase",
                                           "%1; writing to the disk failed: check that it "
                                           "has free space and works")
            .arg(base);
    case SqliteReadOnly:
    case SqliteCantOpen:
        return QCoreApplication::translate("ica::SqliteDatabase",
                                           "%1; check that the file and its folder are writable")
            .arg(base);
    case SqliteCorrupt:
    case SqliteNotADatabase:
        return QCoreApplication::translate("ica::SqliteDatabase", "%1; the file is damaged")
            .arg(base);
    default:
        return base;
    }
}

bool execQuery(QSqlQuery &query, const QString &what, QString *error) {
    if (query.exec())
        return true;
    if (error)
        *error = QStringLiteral("%1: %2").arg(what, describeSqlError(query.lastError()));
    return false;
}

SqliteDatabase::SqliteDatabase(const QString &path, QList<Migration> migrations)
    : m_path(path)
    , m_connectionName(QStringLiteral("ica-store-%1").arg(connectionCounter.fetchAndAddRelaxed(1)))
    , m_migrations(std::move(migrations)) {
    std::sort(m_migrations.begin(), m_migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
}

SqliteDatabase::~SqliteDatabase() {
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        } // the handle must be gone before the name is removed
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QSqlDatabase SqliteDatabase::database() const {
    return QSqlDatabase::database(m_connectionName, false);
}

bool SqliteDatabase::isOpen() const {
    return QSqlDatabase::contains(m_connectionName) && database().isOpen();
}

int SqliteDatabase::schemaVersion() const {
    return isOpen() ? pragmaInt(database(), QStringLiteral("user_version")) : -1;
}

int SqliteDatabase::latestVersion() const {
    return m_migrations.isEmpty() ? 0 : m_migrations.last().version;
}

QString SqliteDatabase::journalMode() const {
    if (!isOpen())
        return {};
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("PRAGMA journal_mode")) || !q.next())
        return {};
    return q.value(0).toString().toLower();
}

bool SqliteDatabase::open(QString *error) {
    m_failure = Failure::None;
    const auto fail = [this, error](const QString &message, Failure kind = Failure::Unwritable) {
        if (error)
            *error = message;
        if (m_failure == Failure::None)
            m_failure = kind;
        if (QSqlDatabase::contains(m_connectionName))
            database().close();
        return false;
    };
    const QString shown = QDir::toNativeSeparators(m_path);
    if (isOpen())
        return true;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return fail(QCoreApplication::translate(
            "ica::SqliteDatabase", "Qt's SQLite driver (QSQLITE) is not installed, so history and "
                                   "drafts cannot be kept: install the Qt 6 SQLite plugin "
                                   "(libqt6sql6-sqlite on Debian)."));
    const bool inMemory = m_path == QLatin1String(":memory:");
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!inMemory && !QDir().mkpath(folder))
        return fail(
            QCoreApplication::translate("ica::SqliteDatabase",
                                        "The folder %1 could not be created: check that its parent "
                                        "folder is writable.")
                .arg(QDir::toNativeSeparators(folder)));
    QSqlDatabase db = QSqlDatabase::contains(m_connectionName)
                          ? database()
                          : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return fail(
            QCoreApplication::translate("ica::SqliteDatabase",
                                        "The database %1 could not be opened (%2): check that the "
                                        "file and its folder are writable.")
                .arg(shown, describeSqlError(db.lastError())));
    const auto failQuery = [&](const QSqlError &sqlError) {
        if (isDamage(sqlError))
            return fail(QCoreApplication::translate(
                            "ica::SqliteDatabase",
                            "%1 is damaged or not a database (%2): move it away and "
                            "start again.")
                            .arg(shown, describeSqlError(sqlError)),
                        Failure::Damaged);
        return fail(
            QCoreApplication::translate("ica::SqliteDatabase",
                                        "The database %1 could not be opened for writing (%2).")
                .arg(shown, describeSqlError(sqlError)));
    };
    // WAL: a crash never leaves a half-written transaction, and readers do not
    // block the writer. FULL sync: a committed save survives a power cut too.
    QSqlQuery pragma(db);
    for (const QString &statement :
         {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL"),
          QStringLiteral("PRAGMA foreign_keys=ON")}) {
        if (!pragma.exec(statement))
            return failQuery(pragma.lastError());
    }
    // A truncated or overwritten file can pass the lines above (its header is
    // fine) and fail only later, on the pages that are gone: check every page now.
    // The store holds history and drafts, so this takes milliseconds.
    if (!pragma.exec(QStringLiteral("PRAGMA quick_check(1)")) || !pragma.next())
        return failQuery(pragma.lastError());
    const QString check = pragma.value(0).toString();
    if (check != QLatin1String("ok"))
        return fail(
            QCoreApplication::translate("ica::SqliteDatabase",
                                        "%1 is damaged (SQLite's check says: %2): move it away and "
                                        "start again.")
                .arg(shown, check.left(200)),
            Failure::Damaged);
    pragma.finish();
    return migrate(error) || fail(error ? *error : QString());
}

bool SqliteDatabase::migrate(QString *error) {
    const QSqlDatabase db = database();
    const QString shown = QDir::toNativeSeparators(m_path);
    const int current = pragmaInt(db, QStringLiteral("user_version"));
    if (current < 0) {
        m_failure = Failure::Damaged;
        if (error)
            *error = QCoreApplication::translate(
                         "ica::SqliteDatabase",
                         "The schema version of %1 could not be read: move the file "
                         "away and start again.")
                         .arg(shown);
        return false;
    }
    if (current > latestVersion()) {
        m_failure = Failure::Newer;
        if (error)
            *error = QCoreApplication::translate(
                         "ica::SqliteDatabase",
                         "%1 was written by a newer version of ICA Tagger (schema %2; "
                         "this version knows up to %3) and was left untouched: update "
                         "ICA Tagger, or move the file away to start afresh.")
                         .arg(shown)
                         .arg(current)
                         .arg(latestVersion());
        return false;
    }
    int reached = current;
    for (const Migration &step : std::as_const(m_migrations)) {
        if (step.version <= current)
            continue;
        SqlTransaction transaction(db);
        QString failure =
            transaction.isActive()
                ? QString()
                : QCoreApplication::translate("ica::SqliteDatabase",
                                              "the database is locked by another program");
        // Another instance may have applied this step while this one waited for the lock.
        if (failure.isEmpty() && pragmaInt(db, QStringLiteral("user_version")) >= step.version) {
            transaction.commit();
            reached = step.version;
            continue;
        }
        QSqlQuery q(db);
        for (const QString &statement : step.statements) {
            if (!failure.isEmpty())
                break;
            if (!q.exec(statement))
                failure = describeSqlError(q.lastError());
        }
        // PRAGMA takes no bound values; the version is a number from the code.
        if (failure.isEmpty() &&
            !q.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.version)))
            failure = describeSqlError(q.lastError());
        q.finish();
        if (failure.isEmpty() && !transaction.commit())
            failure = QCoreApplication::translate(
                "ica::SqliteDatabase", "the database refused to commit (is the disk full?)");
        if (!failure.isEmpty()) {
            if (error)
                *error = QCoreApplication::translate(
                             "ica::SqliteDatabase",
                             "%1 could not be upgraded to schema version %2 (%3); it "
                             "was left at version %4.")
                             .arg(shown)
                             .arg(step.version)
                             .arg(failure)
                             .arg(reached);
            return false;
        }
        reached = step.version;
    }
    return true;
}

SqlTransaction::SqlTransaction(QSqlDatabase db)
    : m_db(std::move(db)) {
    // IMMEDIATE takes the write lock now (waiting up to the busy timeout), so a
    // read-then-write transaction cannot fail half-way on another writer.
    QSqlQuery q(m_db);
    m_active = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
}

SqlTransaction::~SqlTransaction() {
    if (m_active)
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
}

bool SqlTransaction::commit() {
    if (!m_active)
        return false;
    m_active = false;
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("COMMIT")))
        return true;
    m_error = describeSqlError(q.lastError());
    QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
    return false;
}

} // namespace ica
