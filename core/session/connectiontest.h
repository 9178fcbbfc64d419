#pragma once

#include "core/store/profile.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace ica {

class ApiCall;
class SecretStore;

/// What a connection test found. `title` and `detail` never contain the secret.
struct ConnectionTestResult {
    enum class Outcome { Connected, Failed, Cancelled };
    Outcome outcome = Outcome::Failed;
    QString tenantName; ///< from the JWT's tns claim (or the first project), when known
    QString tenantId;   ///< from the JWT's tid claim (or the first project), when known
    int httpStatus = 0; ///< the server's status on an HTTP failure
    QString title;      ///< on failure: the problem's title ("Unauthorized") or the kind
    QString detail;     ///< on failure: the problem's detail, or what to do

    [[nodiscard]] bool ok() const { return outcome == Outcome::Connected; }
    /// One sentence for the dialog: "Connected to tenant demo-lab.", "TITLE: DETAIL".
    [[nodiscard]] QString summary() const;
};

/// One real call that proves a profile works, run without blocking: the token
/// exchange (ApiKeyExchange) or GET /api/projects?pageSize=1 (ApiKey, AccessToken).
/// No retries and a 30 s timeout, so a wrong URL or key is reported quickly. It
/// starts on construction, reports once through `done` and finished(), then
/// deletes itself; destroying it (or its parent) first aborts the call silently.
class ConnectionTest final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTest)
public:
    using Callback = std::function<void(const ConnectionTestResult &result)>;

    /// Tests `profile` with `secret`; an empty `secret` means the one stored for
    /// profile.id in `secrets` (may be null). `parent` is usually the asking widget.
    ConnectionTest(const Profile &profile, const QString &secret, SecretStore *secrets,
                   Callback done, QObject *parent);
    ~ConnectionTest() override;

    /// Stops the test; `done` follows later (never inside cancel()) with Cancelled.
    void cancel();
    [[nodiscard]] bool isRunning() const { return !m_finished; }

Q_SIGNALS:
    void finished(const ica::ConnectionTestResult &result);

private:
    void run(const QString &secret);
    void fail(const QString &title, const QString &detail, int httpStatus = 0);
    void succeed(const QString &tenantName, const QString &tenantId);
    void finish(ConnectionTestResult result);

    Profile m_profile;
    QString m_secret; // only to mask it in messages
    Callback m_done;
    QPointer<ApiCall> m_call;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace ica
