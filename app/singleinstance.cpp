#include "app/singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QThread>

#include <unistd.h>

namespace ica::app {

namespace {

constexpr int HandOverMs = 5000;           ///< a second launch waits this long at most
constexpr int MaxMessageBytes = 64 * 1024; ///< arguments are short; refuse more

} // namespace

SingleInstance::SingleInstance(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_dataDir(QDir(dataDir).absolutePath())
    , m_lock(QDir(m_dataDir).filePath(QStringLiteral("instance.lock"))) {
    // Never stale by age: only a lock whose process is gone is taken over.
    m_lock.setStaleLockTime(0);
    connect(&m_server, &QLocalServer::newConnection, this, &SingleInstance::onConnection);
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverName(const QString &dataDir) {
    const QByteArray key =
        QByteArray::number(getuid()) + '\n' + QDir(dataDir).absolutePath().toUtf8();
    return QStringLiteral("ica-tagger-") +
           QString::fromLatin1(
               QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(24));
}

SingleInstance::Role SingleInstance::claim(const QStringList &arguments, QString *error) {
    if (m_lock.tryLock(0)) {
        // A socket file left by a crashed instance would make listen() fail.
        QLocalServer::removeServer(serverName(m_dataDir));
        m_server.setSocketOptions(QLocalServer::UserAccessOption);
        if (!m_server.listen(serverName(m_dataDir)))
            qWarning("ica-tagger: later launches cannot reach this one: %s",
                     qPrintable(m_server.errorString()));
        return Role::Primary;
    }
    if (m_lock.error() != QLockFile::LockFailedError) {
        *error = QStringLiteral("Cannot write the lock file in %1: check the folder's "
                                "permissions or give another with --data-dir.")
                     .arg(m_dataDir);
        return Role::Failed;
    }
    return handOver(arguments, error) ? Role::HandedOver : Role::Failed;
}

bool SingleInstance::handOver(const QStringList &arguments, QString *error) {
    const QByteArray message =
        QJsonDocument(QJsonArray::fromStringList(arguments)).toJson(QJsonDocument::Compact) + '\n';
    QElapsedTimer clock;
    clock.start();
    // The first instance may be between taking the lock and listening: try again.
    while (clock.elapsed() < HandOverMs) {
        QLocalSocket socket;
        socket.connectToServer(serverName(m_dataDir));
        if (socket.waitForConnected(1000)) {
            socket.write(message);
            socket.flush();
            while (!socket.canReadLine() && socket.state() == QLocalSocket::ConnectedState &&
                   clock.elapsed() < HandOverMs)
                socket.waitForReadyRead(int(HandOverMs - clock.elapsed()));
            if (socket.canReadLine() && socket.readLine().trimmed() == "ok")
                return true;
            break;
        }
        QThread::msleep(100); // why: nothing to wait on until the other side listens
    }
    qint64 pid = 0;
    m_lock.getLockInfo(&pid, nullptr, nullptr);
    *error = QStringLiteral("ICA Tagger is already running with the data folder %1 (process "
                            "%2) but does not answer. Wait for it to finish starting, or end "
                            "that process, or give another folder with --data-dir.")
                 .arg(m_dataDir)
                 .arg(pid);
    return false;
}

void SingleInstance::onConnection() {
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket]() {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > MaxMessageBytes)
                    socket->abort();
                return;
            }
            const QJsonDocument document = QJsonDocument::fromJson(socket->readLine());
            if (!document.isArray()) {
                socket->abort();
                return;
            }
            QStringList arguments;
            for (const QJsonValue &value : document.array())
                arguments.append(value.toString());
            socket->write("ok\n");
            socket->disconnectFromServer();
            Q_EMIT launched(arguments);
        });
    }
}

} // namespace ica::app
