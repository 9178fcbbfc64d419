#pragma once

#include "core/session/session.h"

#include <QDateTime>
#include <QLabel>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace ica::ui {

/// The status bar's view of the credentials in use: "Token valid until HH:MM (in
/// N min)" for a token (exchanged or pasted), "API key" for a key sent as is, and
/// "Token expired — paste a new one" for a pasted token past its exp; clicking it
/// (or Enter/Space when focused) then asks for a new token. Refreshed when the
/// session's token changes and every 15 s for the countdown. objectName
/// "tokenStatusLabel".
class TokenStatusLabel final : public QLabel {
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;

    explicit TokenStatusLabel(Session *session, QWidget *parent = nullptr);

    /// The text for a state; `now` and `expiresAt` are compared, HH:MM is local time.
    [[nodiscard]] static QString describe(Session::State state, AuthKind kind,
                                          const QDateTime &expiresAt, const QDateTime &now);
    /// Replaces the clock (tests); empty: the system clock.
    void setClock(Clock clock);
    /// True when the shown token has expired and a new one is needed.
    [[nodiscard]] bool isExpired() const { return m_expired; }

public Q_SLOTS:
    void refresh();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void askForToken();

    QPointer<Session> m_session;
    Clock m_clock;
    QTimer m_tick;
    bool m_expired = false;
};

} // namespace ica::ui
