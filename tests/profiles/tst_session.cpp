// Session, ProfileActions and ConnectionTest against the real Secret Service, a
// real INI file and the real simulator: the secret round trip through the keychain,
// switching clients between servers, the JWT lifecycle (one exchange, renewal near
// expiry, one re-auth after a 401), connection tests, missing secrets, the demo
// profile, and no secret in the INI file or the log.
#include "tests/profiles/profilestestutil.h"
#include "tests/support/simfixture.h"

#include "core/api/apiclient.h"
#include "core/api/authenticator.h"
#include "core/api/projectapi.h"
#include "core/session/clientfactory.h"
#include "core/session/connectiontest.h"
#include "core/session/profileactions.h"
#include "core/session/session.h"
#include "core/store/fallbacksecretstore.h"
#include "core/store/keychainsecretstore.h"
#include "core/store/profilestore.h"
#include "tests/support/callwaiter.h"
#include "tests/support/statusspy.h"
#include "tests/support/testsupport.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ica;
using ica::test::CallWaiter;
using ica::test::SimFixture;
using profilestest::LogCapture;
using profilestest::ServedCounter;

namespace {

const QString Service = QStringLiteral("ICA Tagger test profiles");

ProjectsQuery onePage() {
    return ProjectsQuery{{}, PageRequest::atOffset(0, 1), {}};
}

/// A session over a fresh INI and the keychain (memory when none answers).
struct World {
    explicit World(const QString &ini)
        : settings(ini, QSettings::IniFormat)
        , session(&settings, FallbackSecretStore::overSystemKeychain(Service))
        , actions(&session) {}

    /// Saves a profile with `secret` through ProfileActions.
    Profile save(const QString &name, const QUrl &server, const QString &secret,
                 AuthKind kind = AuthKind::ApiKeyExchange) {
        return profilestest::saveProfile(actions, name, server, secret, kind);
    }

    QSettings settings;
    Session session;
    ProfileActions actions;
};

} // namespace

class TstSession : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SimFixture> f;
    QStringList m_secrets; // every secret used, to look for in the log at the end

    QString ini() const { return ica::test::perTestPath(".ini"); }

private Q_SLOTS:
    void initTestCase() {
        LogCapture::install();
        qInfo("tst_session: log capture installed");
        QVERIFY(LogCapture::lines().contains(QStringLiteral("tst_session: log capture installed")));
        QVERIFY(m_dir.isValid());
    }

    void init() {
        f = std::make_unique<SimFixture>();
        QVERIFY2(f->startError.isEmpty(), qPrintable(f->startError));
        m_secrets.append(f->sim->apiKey());
    }

    void cleanup() { f.reset(); }

    void cleanupTestCase() {
        for (const QString &secret : std::as_const(m_secrets))
            QVERIFY2(LogCapture::clean(secret), "a secret reached the log");
    }

    void secretRoundTripThroughTheKeychain() {
        QString id;
        {
            World w(ini());
            const Profile saved =
                w.save(QStringLiteral("Sim"), f->sim->baseUrl(), f->sim->apiKey());
            QVERIFY(!saved.id.isEmpty());
            id = saved.id;
            QVERIFY2(w.session.secretStore()->isPersistent(), "the test keyring must answer");
        }
        // The secret is in the keychain itself, filed under the profile id.
        KeychainSecretStore keychain(Service);
        const SecretResult stored = profilestest::readSecret(keychain, id, SecretKind::ApiKey);
        QVERIFY2(stored.ok(), qPrintable(stored.message));
        QVERIFY(stored.secret == f->sim->apiKey()); // not QCOMPARE: it would print the key
        QVERIFY2(!profilestest::fileText(ini()).contains(f->sim->apiKey()), "key in the INI");
        QVERIFY(profilestest::fileText(ini()).contains(QStringLiteral("Sim")));

        // A fresh session on the same INI reads it back and connects.
        World fresh(ini());
        QSignalSpy clients(&fresh.session, &Session::clientChanged);
        QVERIFY(fresh.session.activateDefaultProfile());
        QCOMPARE(fresh.session.currentProfile()->id, id);
        QTRY_VERIFY(fresh.session.client() != nullptr);
        QCOMPARE(clients.count(), 1);
        QCOMPARE(fresh.session.client()->serverUrl(), f->sim->baseUrl());
        CallWaiter<ProjectPage> w;
        ProjectApi(fresh.session.client()).list(onePage(), &w, w.callback());
        QVERIFY(w.wait());
        QVERIFY2(w.ok(), qPrintable(w.error().toString()));
        QCOMPARE(fresh.session.tenantName(), f->sim->tenantName());
    }

    void switchingProfilesRetargetsTheClient() {
        ica::sim::SimulatorOptions options = SimFixture::smallWorld();
        options.seed = 7;
        SimFixture other(options);
        QVERIFY(other.startError.isEmpty());
        m_secrets.append(other.sim->apiKey());

        World w(ini());
        const Profile a = w.save(QStringLiteral("A"), f->sim->baseUrl(), f->sim->apiKey());
        const Profile b = w.save(QStringLiteral("B"), other.sim->baseUrl(), other.sim->apiKey(),
                                 AuthKind::ApiKey);
        QVERIFY(!a.id.isEmpty() && !b.id.isEmpty());

        QSignalSpy clients(&w.session, &Session::clientChanged);
        QSignalSpy current(&w.session, &Session::currentProfileChanged);
        QVERIFY(w.session.activateProfile(a.id));
        QTRY_COMPARE(clients.count(), 1);
        auto *first = clients.last().first().value<ApiClient *>();
        QVERIFY(first);
        QCOMPARE(first->serverUrl(), f->sim->baseUrl());

        QVERIFY(w.session.activateProfile(b.id));
        // The old client is dropped at once (null), then the new one arrives.
        QCOMPARE(clients.count(), 2);
        QCOMPARE(clients.at(1).first().value<ApiClient *>(), nullptr);
        QTRY_COMPARE(clients.count(), 3);
        auto *second = clients.last().first().value<ApiClient *>();
        QVERIFY(second);
        QCOMPARE(second->serverUrl(), other.sim->baseUrl());
        QCOMPARE(w.session.client(), second);
        QCOMPARE(current.count(), 2);
        QCOMPARE(current.last().first().value<Profile>().id, b.id);
        QCOMPARE(w.session.tokenExpiry(), QDateTime()); // a plain API key has no expiry

        CallWaiter<ProjectPage> call;
        ProjectApi(second).list(onePage(), &call, call.callback());
        QVERIFY(call.wait());
        QVERIFY2(call.ok(), qPrintable(call.error().toString()));
        QCOMPARE(call.value().items.first().tenantName, other.sim->tenantName());

        QVERIFY(!w.session.activateProfile(QStringLiteral("no-such-id")));
        QCOMPARE(w.session.client(), second);
    }

    void exchangedTokenIsFetchedOnceAndSurfaced() {
        ServedCounter served;
        served.watch(f->sim.get());
        World w(ini());
        const Profile p = w.save(QStringLiteral("Exchange"), f->sim->baseUrl(), f->sim->apiKey());
        QSignalSpy expiry(&w.session, &Session::tokenExpiryChanged);
        QVERIFY(w.session.activateProfile(p.id));
        QTRY_VERIFY(w.session.client());
        ApiClient *client = w.session.client();
        CallWaiter<ProjectPage> a, b, c;
        ProjectApi api(client);
        api.list(onePage(), &a, a.callback());
        api.list(onePage(), &b, b.callback());
        api.list(onePage(), &c, c.callback());
        QVERIFY(a.wait() && b.wait() && c.wait());
        QVERIFY(a.ok() && b.ok() && c.ok());
        QCOMPARE(served.tokens, 1);
        QTRY_COMPARE(expiry.count(), 1);
        const QDateTime exp = expiry.last().first().toDateTime();
        QVERIFY(exp > QDateTime::currentDateTimeUtc().addSecs(3000)); // the default hour
        QCOMPARE(w.session.tokenExpiry(), exp);
        QCOMPARE(w.session.tenantName(), f->sim->tenantName());
    }

    void exchangedTokenIsRenewedBeforeExpiry() {
        ica::sim::SimulatorOptions options = SimFixture::smallWorld();
        options.tokenLifetimeSeconds = 4; // renewed about 2 s after it was issued
        f = std::make_unique<SimFixture>(options);
        QVERIFY(f->startError.isEmpty());
        ServedCounter served;
        served.watch(f->sim.get());

        World w(ini());
        const Profile p = w.save(QStringLiteral("Short"), f->sim->baseUrl(), f->sim->apiKey());
        QSignalSpy expiry(&w.session, &Session::tokenExpiryChanged);
        QVERIFY(w.session.activateProfile(p.id));
        QTRY_COMPARE(served.tokens, 1); // fetched at once, not only on the first call
        QTRY_COMPARE(expiry.count(), 1);
        const QDateTime first = w.session.tokenExpiry();
        QVERIFY(first.isValid());
        // Idle: the renewal happens by itself, before the first token runs out.
        QTRY_VERIFY_WITH_TIMEOUT(served.tokens >= 2, 10000);
        QVERIFY2(QDateTime::currentDateTimeUtc() < first, "renewed only after expiry");
        QTRY_VERIFY_WITH_TIMEOUT(w.session.tokenExpiry() > first, 5000);
        // Still one client: a renewal does not re-target the views.
        CallWaiter<ProjectPage> call;
        ProjectApi(w.session.client()).list(onePage(), &call, call.callback());
        QVERIFY(call.wait());
        QVERIFY2(call.ok(), qPrintable(call.error().toString()));
    }

    void unauthorizedTriggersOneReauth() {
        // A second simulator accepts the same key but signs with its own secret: a
        // token from the first one is refused there with 401, as after a key rotation.
        ica::sim::SimulatorOptions options = SimFixture::smallWorld();
        options.seed = 99;
        options.apiKeys = {f->sim->apiKey()};
        SimFixture other(options);
        QVERIFY(other.startError.isEmpty());
        ServedCounter served;
        served.watch(other.sim.get());

        World w(ini());
        const Profile p = w.save(QStringLiteral("Rotating"), f->sim->baseUrl(), f->sim->apiKey());
        QVERIFY(w.session.activateProfile(p.id));
        QTRY_VERIFY(w.session.client() && w.session.tokenExpiry().isValid());
        QSignalSpy missing(&w.session, &Session::secretMissing);
        // Both tokens may share their whole-second exp: watch the token itself.
        QSignalSpy renewed(w.session.client()->authenticator(), &Authenticator::tokenChanged);

        w.session.client()->setServerUrl(other.sim->baseUrl());
        CallWaiter<ProjectPage> call;
        ProjectApi(w.session.client()).list(onePage(), &call, call.callback());
        QVERIFY(call.wait());
        QVERIFY2(call.ok(), qPrintable(call.error().toString()));
        QCOMPARE(served.projects401, 1); // refused once...
        QCOMPARE(served.tokens, 1);      // ...exchanged again once...
        QCOMPARE(served.projects, 2);    // ...and the call repeated once
        QCOMPARE(renewed.count(), 1);
        QCOMPARE(missing.count(), 0); // cured without asking the user
    }

    void wrongKeyIsRefusedWithoutShowingIt() {
        World w(ini());
        const QString wrongKey = QStringLiteral("wrong-key-0123456789abcdef");
        m_secrets.append(wrongKey);
        const Profile p =
            w.save(QStringLiteral("Wrong"), f->sim->baseUrl(), wrongKey, AuthKind::ApiKeyExchange);
        QVERIFY(!p.id.isEmpty());

        // The connection test reports the problem's title and detail.
        std::optional<ConnectionTestResult> result;
        w.session.testConnection(p, QString(), this,
                                 [&result](const ConnectionTestResult &r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->outcome, ConnectionTestResult::Outcome::Failed);
        QCOMPARE(result->httpStatus, 401);
        QCOMPARE(result->title, QStringLiteral("Unauthorized"));
        QVERIFY(!result->detail.isEmpty());
        QVERIFY(!result->summary().contains(wrongKey));

        // Activating it: the refused key is reported once, as a missing secret.
        QSignalSpy missing(&w.session, &Session::secretMissing);
        ica::test::StatusSpy status;
        QVERIFY(w.session.activateProfile(p.id));
        QTRY_COMPARE(missing.count(), 1);
        const QString reason = missing.first().at(1).toString();
        QVERIFY2(reason.contains(QStringLiteral("refused")), qPrintable(reason));
        QVERIFY(!reason.contains(wrongKey));
        for (const QList<QVariant> &args : std::as_const(status))
            QVERIFY(!args.first().toString().contains(wrongKey));
    }

    void connectionTestReportsTheTenant() {
        World w(ini());
        Profile p;
        p.name = QStringLiteral("Unsaved");
        p.serverUrl = f->sim->baseUrl().toString();
        for (const AuthKind kind : {AuthKind::ApiKeyExchange, AuthKind::ApiKey}) {
            p.authKind = kind;
            std::optional<ConnectionTestResult> result;
            w.session.testConnection(p, f->sim->apiKey(), this,
                                     [&result](const ConnectionTestResult &r) { result = r; });
            QVERIFY(!result.has_value()); // never inside the call
            QTRY_VERIFY(result.has_value());
            QVERIFY2(result->ok(), qPrintable(result->summary()));
            QCOMPARE(result->tenantName, f->sim->tenantName());
            QCOMPARE(result->summary(),
                     QStringLiteral("Connected to tenant %1.").arg(f->sim->tenantName()));
        }
        // An unusable server URL is reported without a call.
        p.serverUrl = QStringLiteral("http://ica.example.com/ica/rest");
        std::optional<ConnectionTestResult> bad;
        w.session.testConnection(p, f->sim->apiKey(), this,
                                 [&bad](const ConnectionTestResult &r) { bad = r; });
        QTRY_VERIFY(bad.has_value());
        QVERIFY(!bad->ok());
        QVERIFY2(bad->detail.contains(QStringLiteral("https")), qPrintable(bad->detail));
    }

    void connectionTestCanBeCancelled() {
        World w(ini());
        f->sim->faults().setLatency(5000);
        Profile p;
        p.name = QStringLiteral("Slow");
        p.serverUrl = f->sim->baseUrl().toString();
        std::optional<ConnectionTestResult> result;
        ConnectionTest *test = w.session.testConnection(
            p, f->sim->apiKey(), this, [&result](const ConnectionTestResult &r) { result = r; });
        QVERIFY(test->isRunning());
        test->cancel();
        QVERIFY(!result.has_value());
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 2000); // well before the 5 s latency
        QCOMPARE(result->outcome, ConnectionTestResult::Outcome::Cancelled);
    }

    void missingSecretIsReported() {
        World w(ini());
        Profile p;
        p.name = QStringLiteral("No key");
        p.serverUrl = f->sim->baseUrl().toString();
        const auto added = w.session.profileStore()->add(p); // no secret stored
        QVERIFY(added.ok());
        QSignalSpy missing(&w.session, &Session::secretMissing);
        QSignalSpy clients(&w.session, &Session::clientChanged);
        QVERIFY(w.session.activateProfile(added.value.id));
        QTRY_COMPARE(missing.count(), 1);
        QCOMPARE(missing.first().first().value<Profile>().id, added.value.id);
        QVERIFY(missing.first().at(1).toString().contains(QStringLiteral("No API key")));
        QCOMPARE(w.session.state(), Session::State::SecretMissing);
        QCOMPARE(w.session.client(), nullptr);
        QCOMPARE(clients.count(), 0);

        // Entering it connects.
        std::optional<SecretResult> stored;
        w.session.setSecret(added.value.id, f->sim->apiKey(),
                            [&stored](const SecretResult &r) { stored = r; });
        QTRY_VERIFY(stored.has_value());
        QVERIFY(stored->ok());
        QTRY_VERIFY(w.session.client() != nullptr);
        QCOMPARE(w.session.state(), Session::State::Ready);
    }

    void pastedTokenExpiryComesFromItsClaims() {
        World w(ini());
        const QDateTime exp = QDateTime::currentDateTimeUtc().addSecs(1800);
        const QString jwt = profilestest::fakeJwt(exp, QStringLiteral("pasted-lab"));
        m_secrets.append(jwt);
        const Profile p =
            w.save(QStringLiteral("Pasted"), f->sim->baseUrl(), jwt, AuthKind::AccessToken);
        QVERIFY(!p.id.isEmpty());
        QSignalSpy expiry(&w.session, &Session::tokenExpiryChanged);
        QVERIFY(w.session.activateProfile(p.id));
        QTRY_COMPARE(expiry.count(), 1);
        QCOMPARE(expiry.first().first().toDateTime().toSecsSinceEpoch(), exp.toSecsSinceEpoch());
        QCOMPARE(accessTokenExpiry(jwt).toSecsSinceEpoch(), exp.toSecsSinceEpoch());
        QVERIFY(!profilestest::fileText(ini()).contains(jwt));

        // The simulator did not sign it: the first call is refused, and the user is
        // asked for a new token (once).
        QSignalSpy missing(&w.session, &Session::secretMissing);
        CallWaiter<ProjectPage> call;
        ProjectApi(w.session.client()).list(onePage(), &call, call.callback());
        QVERIFY(call.wait());
        QCOMPARE(call.error().httpStatus, 401);
        QTRY_COMPARE(missing.count(), 1);
        QVERIFY(missing.first().at(1).toString().contains(QStringLiteral("paste a new one")));
    }

    void demoProfileStaysInMemory() {
        World w(ini());
        QSignalSpy changed(&w.session, &Session::profilesChanged);
        const Profile demo = w.session.addDemoProfile(f->sim->baseUrl(), f->sim->apiKey());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(demo.name, QStringLiteral("Demo"));
        QVERIFY(demo.demo);
        QCOMPARE(w.session.profiles().size(), 1);
        QVERIFY(w.session.profileStore()->profiles().isEmpty()); // not in the settings
        QVERIFY(w.session.secretStoreFor(demo) != w.session.secretStore());
        QVERIFY(w.session.activateProfile(demo.id));
        QTRY_VERIFY(w.session.client());
        QCOMPARE(w.session.client()->serverUrl(), f->sim->baseUrl());
        QTRY_VERIFY(w.session.tokenExpiry().isValid());
        w.settings.sync();
        QVERIFY(!profilestest::fileText(ini()).contains(f->sim->apiKey()));
        QVERIFY(!profilestest::fileText(ini()).contains(QStringLiteral("Demo")));
        // Not in the keychain either.
        KeychainSecretStore keychain(Service);
        QCOMPARE(profilestest::readSecret(keychain, demo.id, SecretKind::ApiKey).status,
                 SecretResult::Status::NotFound);
        // And it cannot be edited away.
        std::optional<ProfileActions::Outcome> removed;
        w.actions.remove(demo.id, [&removed](const ProfileActions::Outcome &o) { removed = o; });
        QTRY_VERIFY(removed.has_value());
        QVERIFY(!removed->ok);
        QVERIFY(removed->error.contains(QStringLiteral("--demo")));
    }

    void removingTheCurrentProfileMovesToTheDefault() {
        World w(ini());
        const Profile a = w.save(QStringLiteral("First"), f->sim->baseUrl(), f->sim->apiKey());
        const Profile b = w.save(QStringLiteral("Second"), f->sim->baseUrl(), f->sim->apiKey());
        QVERIFY(w.session.activateProfile(b.id));
        QTRY_VERIFY(w.session.client());
        std::optional<ProfileActions::Outcome> removed;
        w.actions.remove(b.id, [&removed](const ProfileActions::Outcome &o) { removed = o; });
        QTRY_VERIFY(removed.has_value());
        QVERIFY2(removed->ok, qPrintable(removed->error));
        QCOMPARE(w.session.currentProfile()->id, a.id);
        QTRY_VERIFY(w.session.client());
        KeychainSecretStore keychain(Service);
        QCOMPARE(profilestest::readSecret(keychain, b.id, SecretKind::ApiKey).status,
                 SecretResult::Status::NotFound);
    }
};

QTEST_MAIN(TstSession)
#include "tst_session.moc"
