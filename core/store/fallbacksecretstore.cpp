#include "core/store/fallbacksecretstore.h"

#include "core/store/keychainsecretstore.h"
#include "core/store/sessionsecretstore.h"

#include <QCoreApplication>
#include <QPointer>

#include <utility>

namespace ica {

FallbackSecretStore::FallbackSecretStore(std::unique_ptr<SecretStore> primary, QObject *parent)
    : SecretStore(parent)
    , m_primary(primary.release()) {
    Q_ASSERT(m_primary);
    m_primary->setParent(this);
    m_primary->probe(
        [this](bool available, const QString &reason) { finishProbe(available, reason); });
}

FallbackSecretStore::~FallbackSecretStore() = default;

std::unique_ptr<FallbackSecretStore>
FallbackSecretStore::overSystemKeychain(const QString &service) {
    return std::make_unique<FallbackSecretStore>(std::make_unique<KeychainSecretStore>(
        service.isEmpty() ? KeychainSecretStore::defaultServiceName() : service));
}

QString FallbackSecretStore::noKeychainNote(const QString &reason) {
    return QCoreApplication::translate(
               "ica::FallbackSecretStore",
               "No system keychain is available (%1); the secret is kept for this "
               "session only and you will be asked again next time.")
        .arg(reason);
}

void FallbackSecretStore::finishProbe(bool available, const QString &reason) {
    if (m_state != State::Probing)
        return;
    if (available) {
        m_state = State::Primary;
        Q_EMIT persistenceChanged(true);
    } else {
        switchToSession(reason);
    }
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &call : waiting)
        call();
}

void FallbackSecretStore::switchToSession(const QString &reason) {
    if (m_state == State::Session)
        return;
    if (!m_session)
        m_session = new SessionSecretStore(this);
    m_state = State::Session;
    m_note = noKeychainNote(reason);
    Q_EMIT persistenceChanged(false);
}

void FallbackSecretStore::run(Operation op, Callback done) {
    if (m_state == State::Probing) {
        m_waiting.append([this, op = std::move(op), done = std::move(done)]() mutable {
            run(std::move(op), std::move(done));
        });
        return;
    }
    if (m_state == State::Session) {
        op(*m_session, std::move(done));
        return;
    }
    // The primary answers on this object's thread; `this` may be gone by then.
    QPointer<FallbackSecretStore> self(this);
    op(*m_primary, [self, op, done](const SecretResult &result) {
        if (!self)
            return;
        if (result.status == SecretResult::Status::Unavailable) {
            self->switchToSession(result.detail.isEmpty() ? result.message : result.detail);
            op(*self->m_session, done);
            return;
        }
        if (done)
            done(result);
    });
}

void FallbackSecretStore::read(const QString &profileId, SecretKind kind, Callback done) {
    run([profileId, kind](SecretStore &store,
                          Callback answer) { store.read(profileId, kind, std::move(answer)); },
        std::move(done));
}

void FallbackSecretStore::write(const QString &profileId, SecretKind kind, const QString &secret,
                                Callback done) {
    run(
        [profileId, kind, secret](SecretStore &store, Callback answer) {
            store.write(profileId, kind, secret, std::move(answer));
        },
        std::move(done));
}

void FallbackSecretStore::remove(const QString &profileId, Callback done) {
    run([profileId](SecretStore &store,
                    Callback answer) { store.remove(profileId, std::move(answer)); },
        std::move(done));
}

void FallbackSecretStore::probe(ProbeCallback done) {
    const auto answer = [this, done = std::move(done)] {
        if (done)
            done(m_state == State::Primary, m_state == State::Primary ? QString() : m_note);
    };
    if (m_state == State::Probing)
        m_waiting.append(answer);
    else
        SecretStore::probe([answer](bool, const QString &) { answer(); });
}

} // namespace ica
