#include "tests/support/secretscan.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

namespace ica::test {

namespace {

/// Three base64url parts, the header a JSON object ("eyJ" is base64 of "{\"").
const QRegularExpression &jwtShape() {
    static const QRegularExpression re(
        QStringLiteral("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"));
    return re;
}

/// A credential header and its value. A value of 8 or more token characters counts
/// as a leak; masks such as "***", "<redacted>" or "[hidden]" do not.
const QRegularExpression &headerShape() {
    static const QRegularExpression re(
        QStringLiteral("(authorization|x-api-key)\\s*[:=]\\s*\"?(?:bearer\\s+|basic\\s+)?"
                       "([A-Za-z0-9._~+/=-]{8,})"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

void scanBytes(const QByteArray &bytes, const QList<QByteArray> &known, const QString &where,
               QStringList *findings) {
    for (int i = 0; i < known.size(); ++i) {
        const QByteArray &secret = known.at(i);
        if (!secret.isEmpty() && bytes.contains(secret))
            findings->append(QStringLiteral("%1: known secret #%2").arg(where).arg(i + 1));
    }
    // Latin-1 keeps one character per byte, so binary files scan without decoding errors.
    const QString text = QString::fromLatin1(bytes);
    if (jwtShape().match(text).hasMatch())
        findings->append(QStringLiteral("%1: a JWT").arg(where));
    const QRegularExpressionMatch header = headerShape().match(text);
    if (header.hasMatch())
        findings->append(
            QStringLiteral("%1: a %2 header with a value").arg(where, header.captured(1)));
}

bool isSqliteFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(16) == QByteArray("SQLite format 3\0", 16);
}

/// Every value of every table, as SQLite reads it (WAL included), read-only.
void scanSqlite(const QString &path, const QList<QByteArray> &known, QStringList *findings) {
    const QString name = QStringLiteral("secretscan-") + QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            findings->append(QStringLiteral("%1: could not be opened as SQLite").arg(path));
        } else {
            QStringList tables;
            QSqlQuery list(db);
            list.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
            while (list.next())
                tables.append(list.value(0).toString());
            for (const QString &table : std::as_const(tables)) {
                QSqlQuery rows(db);
                if (!rows.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table))) {
                    findings->append(
                        QStringLiteral("%1: table %2 could not be read").arg(path, table));
                    continue;
                }
                QByteArray values;
                while (rows.next()) {
                    for (int c = 0; c < rows.record().count(); ++c) {
                        values += rows.value(c).toByteArray();
                        values += '\n';
                    }
                }
                scanBytes(values, known, QStringLiteral("%1 (table %2)").arg(path, table),
                          findings);
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
}

void scanFile(const QString &path, const QList<QByteArray> &known, QStringList *findings) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        findings->append(QStringLiteral("%1: could not be read").arg(path));
        return;
    }
    scanBytes(file.readAll(), known, path, findings);
    if (isSqliteFile(path))
        scanSqlite(path, known, findings);
}

} // namespace

QStringList findSecrets(const QStringList &paths, const QList<QByteArray> &knownSecrets) {
    QStringList findings;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            findings.append(QStringLiteral("%1: does not exist").arg(path));
            continue;
        }
        if (info.isFile()) {
            scanFile(path, knownSecrets, &findings);
            continue;
        }
        QDirIterator files(path, QDir::Files | QDir::Hidden | QDir::System,
                           QDirIterator::Subdirectories);
        while (files.hasNext())
            scanFile(files.next(), knownSecrets, &findings);
    }
    return findings;
}

QStringList findSecretsInOutput(const QByteArray &output, const QList<QByteArray> &knownSecrets,
                                const QString &label) {
    QStringList findings;
    scanBytes(output, knownSecrets, label, &findings);
    return findings;
}

} // namespace ica::test
