#include "core/session/connectiontest.h"

#include "core/session/clientfactory.h"

#include "core/api/apiclient.h"
#include "core/api/projectapi.h"
#include "core/api/tokenapi.h"
#include "core/store/secretstore.h"

#include <QCoreApplication>
#include <QTimer>

namespace ica {

namespace {

constexpr std::chrono::milliseconds TestTimeout{30000};

} // namespace

QString ConnectionTestResult::summary() const {
    switch (outcome) {
    case Outcome::Connected:
        if (!tenantName.isEmpty())
            return QCoreApplication::translate("ica::ConnectionTest", "Connected to tenant %1.")
                .arg(tenantName);
        if (!tenantId.isEmpty())
            return QCoreApplication::translate("ica::ConnectionTest", "Connected to tenant %1.")
                .arg(tenantId);
        return QCoreApplication::translate(
            "ica::ConnectionTest", "Connected; the server did not say which tenant this is.");
    case Outcome::Cancelled:
        return QCoreApplication::translate("ica::ConnectionTest", "Connection test cancelled.");
    case Outcome::Failed:
        break;
    }
    return detail.isEmpty() ? title : title + QStringLiteral(": ") + detail;
}

ConnectionTest::ConnectionTest(const Profile &profile, const QString &secret, SecretStore *secrets,
                               Callback done, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_done(std::move(done)) {
    if (!secret.trimmed().isEmpty() || !secrets || profile.id.isEmpty()) {
        // Started from the event loop so `done` never runs inside the constructor.
        QTimer::singleShot(0, this, [this, secret] { run(secret); });
        return;
    }
    const SecretKind kind = secretKindFor(profile.authKind);
    QPointer<ConnectionTest> self(this);
    secrets->read(profile.id, kind, [self, kind](const SecretResult &result) {
        if (!self || self->m_finished)
            return;
        if (result.ok() && !result.secret.trimmed().isEmpty())
            self->run(result.secret);
        else
            self->fail(
                QCoreApplication::translate("ica::ConnectionTest", "No %1")
                    .arg(secretKindLabel(kind)),
                result.status == SecretResult::Status::NotFound
                    ? QCoreApplication::translate("ica::ConnectionTest",
                                                  "Enter the %1 of this profile, then test again.")
                          .arg(secretKindLabel(kind))
                    : result.message);
    });
}

ConnectionTest::~ConnectionTest() = default;

void ConnectionTest::run(const QString &secret) {
    if (m_finished)
        return;
    if (m_cancelled) {
        finish(ConnectionTestResult{ConnectionTestResult::Outcome::Cancelled, {}, {}, 0, {}, {}});
        return;
    }
    m_secret = secret.trimmed();
    const QString label = secretKindLabel(secretKindFor(m_profile.authKind));
    if (m_secret.isEmpty()) {
        fail(QCoreApplication::translate("ica::ConnectionTest", "No %1").arg(label),
             QCoreApplication::translate("ica::ConnectionTest",
                                         "Enter the %1 of this profile, then test again.")
                 .arg(label));
        return;
    }
    QString urlError;
    ApiClient *client = createClientFor(m_profile, m_secret, this, &urlError);
    if (!client) {
        fail(QCoreApplication::translate("ica::ConnectionTest", "Server URL not usable"), urlError);
        return;
    }
    client->setRetryPolicy(RetryPolicy::none());
    client->setDefaultTimeout(TestTimeout);

    const auto failed = [this](const ApiError &error) {
        if (m_cancelled || error.kind == ApiError::Kind::Cancelled)
            finish(
                ConnectionTestResult{ConnectionTestResult::Outcome::Cancelled, {}, {}, 0, {}, {}});
        else
            fail(error.title(), error.detail(), error.httpStatus);
    };
    if (m_profile.authKind == AuthKind::ApiKeyExchange) {
        m_call = TokenApi(client).createToken(
            m_secret, this, [this, failed](const Result<Token> &result) {
                if (!result.ok())
                    return failed(result.error);
                const auto claims = JwtClaims::parse(result.value->token);
                if (!claims)
                    return fail(
                        QCoreApplication::translate("ica::ConnectionTest",
                                                    "Unexpected answer from the server"),
                        QCoreApplication::translate("ica::ConnectionTest",
                                                    "The token the server sent is not a JWT: check "
                                                    "that the server URL points at the ICA API."));
                succeed(claims->tenantName, claims->tenantId);
            });
        return;
    }
    const ProjectsQuery onePage{{}, PageRequest::atOffset(0, 1), {}};
    m_call = ProjectApi(client).list(onePage, this, [this, failed](const Result<ProjectPage> &r) {
        if (!r.ok())
            return failed(r.error);
        // A pasted JWT names its tenant; with a plain API key the first project does.
        if (const auto claims = m_profile.authKind == AuthKind::AccessToken
                                    ? JwtClaims::parse(m_secret)
                                    : std::nullopt;
            claims && (!claims->tenantName.isEmpty() || !claims->tenantId.isEmpty()))
            return succeed(claims->tenantName, claims->tenantId);
        if (!r.value->items.isEmpty())
            return succeed(r.value->items.first().tenantName, r.value->items.first().tenantId);
        succeed({}, {});
    });
}

void ConnectionTest::cancel() {
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    if (m_call) {
        m_call->cancel(); // its callback reports Cancelled
        return;
    }
    QTimer::singleShot(0, this, [this] {
        finish(ConnectionTestResult{ConnectionTestResult::Outcome::Cancelled, {}, {}, 0, {}, {}});
    });
}

void ConnectionTest::fail(const QString &title, const QString &detail, int httpStatus) {
    ConnectionTestResult result;
    result.outcome = ConnectionTestResult::Outcome::Failed;
    result.httpStatus = httpStatus;
    // A last guard: a server may echo what it was sent.
    result.title = withoutSecret(title, m_secret);
    result.detail = withoutSecret(detail, m_secret);
    finish(result);
}

void ConnectionTest::succeed(const QString &tenantName, const QString &tenantId) {
    ConnectionTestResult result;
    result.outcome = ConnectionTestResult::Outcome::Connected;
    result.tenantName = tenantName;
    result.tenantId = tenantId;
    finish(result);
}

void ConnectionTest::finish(ConnectionTestResult result) {
    if (m_finished)
        return;
    m_finished = true;
    m_secret.clear();
    if (m_done)
        m_done(result);
    Q_EMIT finished(result);
    deleteLater();
}

} // namespace ica
