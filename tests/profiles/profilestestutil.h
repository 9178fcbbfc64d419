#pragma once

// Shared helpers of the profile suites: a log capture that proves no secret was
// printed, waits for secret-store answers, a temporary INI and simulator counters.

#include "core/session/profileactions.h"
#include "core/store/secretstore.h"
#include "simulator/icasimulator.h"
#include "tests/support/secretwaiter.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QStringList>
#include <QTest>

#include <optional>

namespace profilestest {

/// Every qDebug/qInfo/qWarning/qCritical line of the process, kept for a check at
/// the end and passed on to the previous handler.
class LogCapture {
public:
    static void install() {
        static bool installed = false;
        if (installed)
            return;
        installed = true;
        previous() = qInstallMessageHandler(&LogCapture::handle);
    }
    static QStringList lines() {
        QMutexLocker lock(&mutex());
        return store();
    }
    /// True when no captured line contains `secret`.
    static bool clean(const QString &secret) {
        for (const QString &line : lines())
            if (line.contains(secret))
                return false;
        return true;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &msg) {
        {
            QMutexLocker lock(&mutex());
            store().append(msg);
        }
        if (previous())
            previous()(type, context, msg);
    }
    static QtMessageHandler &previous() {
        static QtMessageHandler handler = nullptr;
        return handler;
    }
    static QStringList &store() {
        static QStringList lines;
        return lines;
    }
    static QMutex &mutex() {
        static QMutex m;
        return m;
    }
};

using ica::test::readSecret;
using ica::test::waitFor;

/// Stores a profile with its secret through `actions`, as the dialog would; an
/// empty profile when that failed.
inline ica::Profile saveProfile(ica::ProfileActions &actions, const QString &name,
                                const QUrl &server, const QString &secret,
                                ica::AuthKind kind = ica::AuthKind::ApiKeyExchange) {
    ica::Profile p;
    p.name = name;
    p.serverUrl = server.toString();
    p.authKind = kind;
    std::optional<ica::ProfileActions::Outcome> outcome;
    actions.save(p, secret, [&outcome](const ica::ProfileActions::Outcome &o) { outcome = o; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 15000) || !outcome->ok)
        return ica::Profile();
    return outcome->profile;
}

/// A JWT with the given exp and tenant name (unsigned: only the client reads it).
inline QString fakeJwt(const QDateTime &exp, const QString &tenant) {
    const auto part = [](const QByteArray &bytes) {
        return QString::fromLatin1(
            bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    const QJsonObject payload{{QStringLiteral("exp"), exp.toSecsSinceEpoch()},
                              {QStringLiteral("tns"), tenant},
                              {QStringLiteral("tid"), QStringLiteral("tenant-id-1")}};
    return part(R"({"alg":"HS256","typ":"JWT"})") + QLatin1Char('.') +
           part(QJsonDocument(payload).toJson(QJsonDocument::Compact)) +
           QStringLiteral(".c2lnbmF0dXJl");
}

/// The whole text of a file (the settings INI), to look for secrets in it.
inline QString fileText(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

/// Counts what a simulator served, by path ending.
struct ServedCounter {
    int tokens = 0;      ///< POST /api/tokens
    int projects = 0;    ///< GET /api/projects (any status)
    int projects401 = 0; ///< ... answered 401

    void watch(ica::sim::IcaSimulator *sim) {
        QObject::connect(sim, &ica::sim::IcaSimulator::requestServed, sim,
                         [this](const QString &, const QString &path, int status) {
                             if (path.endsWith(QLatin1String("/api/tokens")))
                                 ++tokens;
                             else if (path.contains(QLatin1String("/api/projects"))) {
                                 ++projects;
                                 if (status == 401)
                                     ++projects401;
                             }
                         });
    }
};

} // namespace profilestest
