#pragma once

#include "core/api/apierror.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace ica {

class TokenExchangeAuthenticator;

/// Keeps a TokenExchangeAuthenticator's JWT fresh while the app is idle. The
/// authenticator renews lazily (on the next call after the renewal point); this
/// asks it to get ready just after that point, so the status bar never shows a
/// token that expired while nothing was being called, and the first call after a
/// pause does not wait for an exchange.
class TokenRenewer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenRenewer)
public:
    /// Watches `authenticator` (not owned). `renewMargin` must be the margin the
    /// authenticator was given (its default is 5 minutes).
    explicit TokenRenewer(TokenExchangeAuthenticator *authenticator,
                          std::chrono::seconds renewMargin = std::chrono::seconds(300),
                          QObject *parent = nullptr);

    /// Fetches the first token now (the authenticator shares it with any call
    /// waiting meanwhile), then keeps it fresh.
    void start();
    /// When the next renewal is due; invalid while none is scheduled.
    [[nodiscard]] QDateTime nextRenewal() const { return m_nextRenewal; }

Q_SIGNALS:
    /// A token exchange failed (wrong key, server unreachable); another try follows
    /// after a while unless the server refused the key (401/403).
    void renewalFailed(const ica::ApiError &error);

private:
    void schedule();
    void scheduleIn(std::chrono::milliseconds delay);
    void renew();

    QPointer<TokenExchangeAuthenticator> m_authenticator;
    std::chrono::seconds m_renewMargin;
    QTimer m_timer;
    QDateTime m_nextRenewal;
};

} // namespace ica
