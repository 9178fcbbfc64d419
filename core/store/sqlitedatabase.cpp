#include "sqlitedatabase.h"

#include <QAtomicInt>
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

} // namespace

QString describeSqlError(const QSqlError &error) {
    const QString text = error.text().trimmed();
    return text.isEmpty() ? QStringLiteral("unknown database error") : text;
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
    const auto fail = [this, error](const QString &message) {
        if (error)
            *error = message;
        if (QSqlDatabase::contains(m_connectionName))
            database().close();
        return false;
    };
    const QString shown = QDir::toNativeSeparators(m_path);
    if (isOpen())
        return true;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return fail(QStringLiteral("Qt's SQLite driver (QSQLITE) is not installed, so history and "
                                   "drafts cannot be kept: install the Qt 6 SQLite plugin "
                                   "(libqt6sql6-sqlite on Debian)."));
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder))
        return fail(QStringLiteral("The folder %1 could not be created: check that its parent "
                                   "folder is writable.")
                        .arg(QDir::toNativeSeparators(folder)));
    QSqlDatabase db = QSqlDatabase::contains(m_connectionName)
                          ? database()
                          : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return fail(QStringLiteral("The database %1 could not be opened (%2): check that the "
                                   "file and its folder are writable.")
                        .arg(shown, describeSqlError(db.lastError())));
    // WAL: a crash never leaves a half-written transaction, and readers do not
    // block the writer. FULL sync: a committed save survives a power cut too.
    QSqlQuery pragma(db);
    for (const QString &statement :
         {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL"),
          QStringLiteral("PRAGMA foreign_keys=ON")}) {
        if (!pragma.exec(statement))
            return fail(QStringLiteral("%1 is not a database this app can use (%2): move it "
                                       "away and start again.")
                            .arg(shown, describeSqlError(pragma.lastError())));
    }
    pragma.finish();
    return migrate(error) || fail(error ? *error : QString());
}

bool SqliteDatabase::migrate(QString *error) {
    const QSqlDatabase db = database();
    const QString shown = QDir::toNativeSeparators(m_path);
    const int current = pragmaInt(db, QStringLiteral("user_version"));
    if (current < 0) {
        if (error)
            *error = QStringLiteral("The schema version of %1 could not be read: move the file "
                                    "away and start again.")
                         .arg(shown);
        return false;
    }
    if (current > latestVersion()) {
        if (error)
            *error = QStringLiteral("%1 was written by a newer version of ICA Tagger (schema %2; "
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
        QString failure = transaction.isActive()
                              ? QString()
                              : QStringLiteral("the database is locked by another program");
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
            failure = QStringLiteral("the database refused to commit (is the disk full?)");
        if (!failure.isEmpty()) {
            if (error)
                *error = QStringLiteral("%1 could not be upgraded to schema version %2 (%3); it "
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
    QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
    return false;
}

} // namespace ica
