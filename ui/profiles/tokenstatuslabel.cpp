#include "ui/profiles/tokenstatuslabel.h"

#include <QKeyEvent>
#include <QMouseEvent>

namespace ica::ui {

namespace {

QString remaining(qint64 seconds) {
    if (seconds < 60)
        return TokenStatusLabel::tr("less than a minute");
    const qint64 minutes = seconds / 60;
    if (minutes < 120)
        return TokenStatusLabel::tr("%n min", nullptr, int(minutes));
    return TokenStatusLabel::tr("%n h", nullptr, int(minutes / 60));
}

} // namespace

TokenStatusLabel::TokenStatusLabel(Session *session, QWidget *parent)
    : QLabel(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("tokenStatusLabel"));
    setTextFormat(Qt::PlainText);
    m_tick.setInterval(15000);
    connect(&m_tick, &QTimer::timeout, this, &TokenStatusLabel::refresh);
    m_tick.start();
    if (session) {
        connect(session, &Session::tokenExpiryChanged, this, &TokenStatusLabel::refresh);
        connect(session, &Session::clientChanged, this, &TokenStatusLabel::refresh);
        connect(session, &Session::currentProfileChanged, this, &TokenStatusLabel::refresh);
        connect(session, &Session::secretMissing, this, &TokenStatusLabel::refresh);
    }
    refresh();
}

void TokenStatusLabel::setClock(Clock clock) {
    m_clock = std::move(clock);
    refresh();
}

QString TokenStatusLabel::describe(Session::State state, AuthKind kind, const QDateTime &expiresAt,
                                   const QDateTime &now) {
    switch (state) {
    case Session::State::None:
        return tr("No profile");
    case Session::State::ReadingSecret:
        return tr("Reading the credentials...");
    case Session::State::Unusable:
        return tr("Profile not usable");
    case Session::State::SecretMissing:
        return kind == AuthKind::AccessToken ? tr("No token — paste one")
                                             : tr("No API key — enter it");
    case Session::State::Ready:
        break;
    }
    if (kind == AuthKind::ApiKey)
        return tr("API key");
    if (!expiresAt.isValid())
        return kind == AuthKind::AccessToken ? tr("Access token (no expiry given)")
                                             : tr("Getting a token...");
    if (expiresAt <= now)
        return kind == AuthKind::AccessToken ? tr("Token expired — paste a new one")
                                             : tr("Token expired — renewing...");
    return tr("Token valid until %1 (in %2)")
        .arg(expiresAt.toLocalTime().toString(QStringLiteral("HH:mm")),
             remaining(now.secsTo(expiresAt)));
}

void TokenStatusLabel::refresh() {
    const auto profile = m_session ? m_session->currentProfile() : std::nullopt;
    const Session::State state = m_session ? m_session->state() : Session::State::None;
    const AuthKind kind = profile ? profile->authKind : AuthKind::ApiKeyExchange;
    const QDateTime expiresAt = m_session ? m_session->tokenExpiry() : QDateTime();
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    setText(describe(state, kind, expiresAt, now));
    m_expired = state == Session::State::Ready && kind == AuthKind::AccessToken &&
                expiresAt.isValid() && expiresAt <= now;
    setFocusPolicy(m_expired ? Qt::TabFocus : Qt::NoFocus);
    setCursor(m_expired ? Qt::PointingHandCursor : Qt::ArrowCursor);
    if (m_expired)
        setToolTip(tr("Click (or press Enter) to paste a new access token"));
    else if (expiresAt.isValid())
        setToolTip(tr("The token expires at %1; it is renewed automatically when it was "
                      "exchanged for an API key.")
                       .arg(expiresAt.toLocalTime().toString(Qt::ISODate)));
    else
        setToolTip(tr("The credentials of the profile in use"));
}

void TokenStatusLabel::askForToken() {
    if (m_expired && m_session)
        m_session->requestSecret(
            tr("The access token has expired: paste a new one to go on working."));
}

void TokenStatusLabel::mousePressEvent(QMouseEvent *event) {
    if (event->button() == Qt::LeftButton && m_expired) {
        askForToken();
        event->accept();
        return;
    }
    QLabel::mousePressEvent(event);
}

void TokenStatusLabel::keyPressEvent(QKeyEvent *event) {
    if (m_expired && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter ||
                      event->key() == Qt::Key_Space)) {
        askForToken();
        event->accept();
        return;
    }
    QLabel::keyPressEvent(event);
}

} // namespace ica::ui
