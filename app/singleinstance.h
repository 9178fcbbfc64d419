#pragma once

#include <QLocalServer>
#include <QLockFile>
#include <QObject>
#include <QStringList>

namespace ica::app {

/// One ica-tagger per user and data folder. The first launch takes the data folder's
/// lock file and listens on a local socket named after the user and the folder;
/// a later launch with the same folder hands its arguments to that socket and exits
/// (the running window comes up and opens --open-batch). The lock is a QLockFile, so
/// one left behind by a crashed instance is taken over, not obeyed. --demo runs keep
/// their own data folder, so they never meet real ones.
class SingleInstance final : public QObject {
    Q_OBJECT
public:
    enum class Role {
        Primary,    ///< this process runs the app and listens for later launches
        HandedOver, ///< another instance took the arguments: exit 0
        Failed,     ///< another instance holds the folder but did not answer
    };

    explicit SingleInstance(const QString &dataDir, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// Takes the folder, or hands `arguments` (without the program) to the instance
    /// that has it. Blocks for at most a few seconds, only in a second launch (no
    /// window exists yet). On Failed, `error` says what to do.
    Role claim(const QStringList &arguments, QString *error);

    /// The socket's name for `dataDir` (per user: the user ID is part of it).
    [[nodiscard]] static QString serverName(const QString &dataDir);

Q_SIGNALS:
    /// A later launch's arguments (without the program name).
    void launched(const QStringList &arguments);

private:
    bool handOver(const QStringList &arguments, QString *error);
    void onConnection();

    QString m_dataDir;
    QLockFile m_lock;
    QLocalServer m_server;
};

} // namespace ica::app
