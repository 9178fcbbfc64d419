#include "core/session/tokenrenewer.h"

#include "core/diagnostics/logcategories.h"

#include "core/api/authenticator.h"

#include <memory>

namespace ica {

namespace {

/// After a failed exchange (network down, server busy), try again after this.
constexpr std::chrono::milliseconds RetryDelay{30000};
/// When the authenticator still thinks its token fresh at the planned moment (the
/// clock and the token's whole-second exp disagree by a fraction), look again soon.
constexpr std::chrono::milliseconds RecheckDelay{1000};
/// QTimer takes an int of milliseconds: plan far-off renewals in steps.
constexpr qint64 MaxTimerMs = 24LL * 3600 * 1000;

} // namespace

TokenRenewer::TokenRenewer(TokenExchangeAuthenticator *authenticator,
                           std::chrono::seconds renewMargin, QObject *parent)
    : QObject(parent)
    , m_authenticator(authenticator)
    , m_renewMargin(renewMargin) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TokenRenewer::renew);
    if (authenticator)
        connect(authenticator, &Authenticator::tokenChanged, this, &TokenRenewer::schedule);
}

void TokenRenewer::start() {
    if (m_authenticator && m_authenticator->expiresAt().isValid())
        schedule(); // a token is already there
    else
        renew();
}

void TokenRenewer::schedule() {
    if (!m_authenticator)
        return;
    const QDateTime expiresAt = m_authenticator->expiresAt();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!expiresAt.isValid() || expiresAt <= now) {
        m_timer.stop();
        m_nextRenewal = {};
        return;
    }
    // The authenticator's rule: renew `margin` before exp, the margin capped at half
    // the token's lifetime (the token was issued about now).
    const qint64 lifetimeMs = now.msecsTo(expiresAt);
    qCInfo(lcSession, "access token valid until %s",
           qUtf8Printable(expiresAt.toString(Qt::ISODate)));
    const qint64 marginMs =
        qMin(qint64(std::chrono::milliseconds(m_renewMargin).count()), lifetimeMs / 2);
    scheduleIn(std::chrono::milliseconds(lifetimeMs - marginMs));
}

void TokenRenewer::scheduleIn(std::chrono::milliseconds delay) {
    const qint64 ms = qBound(qint64(0), qint64(delay.count()), MaxTimerMs);
    m_nextRenewal = QDateTime::currentDateTimeUtc().addMSecs(ms);
    m_timer.start(int(ms));
}

void TokenRenewer::renew() {
    if (!m_authenticator)
        return;
    m_nextRenewal = {};
    // Shared: the answer may come after this function returned.
    const auto answered = std::make_shared<bool>(false);
    QPointer<TokenRenewer> self(this);
    m_authenticator->ensureReady([self, answered](const ApiError &error) {
        *answered = true;
        if (!self)
            return;
        if (error.isError()) {
            qCWarning(lcSession, "renewing the access token failed: %s",
                      qUtf8Printable(error.shortReason()));
            Q_EMIT self->renewalFailed(error);
            // A refused key will not become valid by waiting: the user must act.
            if (!(error.kind == ApiError::Kind::Http &&
                  (error.httpStatus == 401 || error.httpStatus == 403)) &&
                error.kind != ApiError::Kind::Usage)
                self->scheduleIn(RetryDelay);
        }
        // Success: tokenChanged() already scheduled the next renewal.
    });
    if (*answered && !m_timer.isActive() && m_authenticator &&
        m_authenticator->expiresAt().isValid())
        scheduleIn(RecheckDelay); // still fresh for the authenticator: look again shortly
}

} // namespace ica
