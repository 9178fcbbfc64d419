// Credentials: API keys, JWTs from POST /api/tokens (signature, claims, real expiry).

#include "tests/simulator/simtestutil.h"

#include "simulator/icasimulator.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>

using namespace ica::sim;
using simtest::Client;
using simtest::HttpResult;

namespace {
constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QJsonObject jwtPart(const QByteArray &jwt, int index) {
    return QJsonDocument::fromJson(QByteArray::fromBase64(jwt.split('.').value(index), kBase64Url))
        .object();
}
} // namespace

class TstSimAuth : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<IcaSimulator> m_sim;
    SimulatorOptions m_options;

    static void expect401(const HttpResult &r, const QStringList &secrets) {
        QCOMPARE(r.status, 401);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
        QCOMPARE(r.json().value(QLatin1String("status")).toInt(), 401);
        QVERIFY(!r.json().value(QLatin1String("detail")).toString().isEmpty());
        for (const QString &secret : secrets) {
            if (secret.size() >= 4)
                QVERIFY2(!r.body.contains(secret.toUtf8()), "a credential was echoed");
        }
    }

    QByteArray issueToken(Client &client) {
        const auto r = client.post(QStringLiteral("/api/tokens"), {}, {});
        return r.status == 200 ? r.json().value(QLatin1String("token")).toString().toUtf8()
                               : QByteArray();
    }

private Q_SLOTS:
    void init() {
        m_options = SimulatorOptions{};
        m_options.filesInFirstProject = 200;
        m_options.projectCount = 2;
        m_options.manualClock = true;
        m_options.apiKeys = {QStringLiteral("first-key-123"), QStringLiteral("second-key-456")};
        m_sim = std::make_unique<IcaSimulator>(m_options);
        QVERIFY(m_sim->start());
    }

    void apiKeys() {
        QCOMPARE(m_sim->apiKey(), m_options.apiKeys.first());
        for (const QString &key : m_options.apiKeys) {
            Client client(m_sim->baseUrl(), key);
            QCOMPARE(client.get(QStringLiteral("/api/projects")).status, 200);
        }
        Client none(m_sim->baseUrl(), QString());
        expect401(none.get(QStringLiteral("/api/projects")), {});
        const QString wrong = QStringLiteral("not-the-key-789");
        Client bad(m_sim->baseUrl(), wrong);
        expect401(bad.get(QStringLiteral("/api/projects")), {wrong});
        expect401(bad.get(QStringLiteral("/api/projects/") + m_sim->projectIds().first() +
                          QStringLiteral("/data")),
                  {wrong});
        expect401(bad.post(QStringLiteral("/api/tokens"), {}, {}), {wrong});
        // A key differing only by case is a different key.
        Client upper(m_sim->baseUrl(), m_options.apiKeys.first().toUpper());
        expect401(upper.get(QStringLiteral("/api/projects")),
                  {m_options.apiKeys.first().toUpper()});
    }

    void defaultKeyComesFromTheSeed() {
        SimulatorOptions o;
        o.filesInFirstProject = 10;
        o.projectCount = 1;
        o.seed = 99;
        IcaSimulator a(o);
        IcaSimulator b(o);
        QVERIFY(!a.apiKey().isEmpty());
        QCOMPARE(a.apiKey(), b.apiKey());
        o.seed = 100;
        QVERIFY(IcaSimulator(o).apiKey() != a.apiKey());
    }

    void jwtIsIssuedAndAccepted() {
        Client client(m_sim->baseUrl(), m_sim->apiKey());
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        const QByteArray jwt = issueToken(client);
        QCOMPARE(jwt.split('.').size(), 3);
        const QJsonObject header = jwtPart(jwt, 0);
        QCOMPARE(header.value(QLatin1String("alg")).toString(), QStringLiteral("HS256"));
        QCOMPARE(header.value(QLatin1String("typ")).toString(), QStringLiteral("JWT"));
        const QJsonObject claims = jwtPart(jwt, 1);
        SIM_REQUIRE_KEYS(claims, QStringLiteral("exp"), QStringLiteral("iat"),
                         QStringLiteral("tid"), QStringLiteral("tns"), QStringLiteral("sub"));
        QCOMPARE(claims.value(QLatin1String("tid")).toString(), m_sim->tenantId());
        QCOMPARE(claims.value(QLatin1String("tns")).toString(), m_sim->tenantName());
        const qint64 iat = claims.value(QLatin1String("iat")).toInteger();
        QVERIFY(iat >= before && iat <= QDateTime::currentSecsSinceEpoch());
        QCOMPARE(claims.value(QLatin1String("exp")).toInteger() - iat,
                 qint64(m_options.tokenLifetimeSeconds));
        // The signature is a real HMAC-SHA256: a wrong secret would not reproduce it.
        const QByteArray input = jwt.split('.')[0] + '.' + jwt.split('.')[1];
        QVERIFY(QMessageAuthenticationCode::hash(input, "guess", QCryptographicHash::Sha256)
                    .toBase64(kBase64Url) != jwt.split('.')[2]);

        Client bearer(m_sim->baseUrl(), QString());
        bearer.setBearer(jwt);
        QCOMPARE(bearer.get(QStringLiteral("/api/projects")).status, 200);
        QCOMPARE(bearer
                     .get(QStringLiteral("/api/projects/") + m_sim->projectIds().first() +
                              QStringLiteral("/data"),
                          {{QStringLiteral("pageSize"), QStringLiteral("3")}})
                     .status,
                 200);
        // Tokens are exchanged with an API key, not with a JWT.
        expect401(bearer.post(QStringLiteral("/api/tokens"), {}, {}), {QString::fromLatin1(jwt)});
        // A JWT minted from an API key cannot be refreshed.
        QCOMPARE(bearer.post(QStringLiteral("/api/tokens:refresh"), {}, {}).status, 403);
    }

    void badTokensAreRefused() {
        Client client(m_sim->baseUrl(), m_sim->apiKey());
        const QByteArray jwt = issueToken(client);
        QList<QByteArray> parts = jwt.split('.');

        // Forged claims (longer lifetime) keep the old signature: refused.
        QJsonObject claims = jwtPart(jwt, 1);
        claims.insert(QStringLiteral("exp"),
                      claims.value(QLatin1String("exp")).toInteger() + 100000);
        const QByteArray forged =
            parts[0] + '.' +
            QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(kBase64Url) + '.' +
            parts[2];
        // Signed by someone else.
        const QByteArray input = parts[0] + '.' + parts[1];
        const QByteArray otherSecret =
            input + '.' +
            QMessageAuthenticationCode::hash(input, "other", QCryptographicHash::Sha256)
                .toBase64(kBase64Url);
        // A token of another simulator instance (another secret).
        IcaSimulator other(m_options);
        QVERIFY(other.start());
        Client otherClient(other.baseUrl(), other.apiKey());
        const QByteArray foreign = issueToken(otherClient);
        QVERIFY(!foreign.isEmpty());

        for (const QByteArray &token :
             {forged, otherSecret, foreign, QByteArray("abc"), QByteArray("a.b.c"),
              QByteArray(parts[0] + '.' + parts[1])}) {
            Client bearer(m_sim->baseUrl(), QString());
            bearer.setBearer(token);
            expect401(bearer.get(QStringLiteral("/api/projects")), {QString::fromLatin1(token)});
        }
        // Other schemes.
        Client basic(m_sim->baseUrl(), QString());
        expect401(basic.get(QStringLiteral("/api/projects"), {},
                            {{"Authorization", "Basic dXNlcjpwYXNz"}}),
                  {});
    }

    void jwtExpiresInRealTime() {
        SimulatorOptions o = m_options;
        o.tokenLifetimeSeconds = 1;
        IcaSimulator sim(o);
        QVERIFY(sim.start());
        Client client(sim.baseUrl(), sim.apiKey());
        const QByteArray jwt = issueToken(client);
        const QJsonObject claims = jwtPart(jwt, 1);
        QCOMPARE(claims.value(QLatin1String("exp")).toInteger() -
                     claims.value(QLatin1String("iat")).toInteger(),
                 1);
        Client bearer(sim.baseUrl(), QString());
        bearer.setBearer(jwt);
        const HttpResult fresh = bearer.get(QStringLiteral("/api/projects"));
        // Valid until exp (it can only have expired already if a second passed in between).
        QVERIFY(fresh.status == 200 || QDateTime::currentSecsSinceEpoch() >=
                                           claims.value(QLatin1String("exp")).toInteger());
        // Simulated time does not matter for expiry; the real clock does.
        sim.advance(std::chrono::hours(24));
        QTRY_VERIFY_WITH_TIMEOUT(bearer.get(QStringLiteral("/api/projects")).status == 401, 5000);
        const HttpResult expired = bearer.get(QStringLiteral("/api/projects"));
        expect401(expired, {QString::fromLatin1(jwt)});
        QVERIFY(expired.json()
                    .value(QLatin1String("detail"))
                    .toString()
                    .contains(QLatin1String("expired")));
        // A new exchange works again.
        bearer.setBearer(issueToken(client));
        QCOMPARE(bearer.get(QStringLiteral("/api/projects")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TstSimAuth)
#include "tst_simauth.moc"
