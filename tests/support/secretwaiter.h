#pragma once

// Runs one asynchronous SecretStore call and waits for its answer, with the event
// loop running (no sleeps). A missing answer comes back as Failed "no answer".

#include "core/store/secretstore.h"

#include <QTest>

#include <optional>

namespace ica::test {

inline ica::SecretResult waitFor(const std::function<void(ica::SecretStore::Callback)> &call,
                                 int timeoutMs = 15000) {
    std::optional<ica::SecretResult> answer;
    call([&answer](const ica::SecretResult &r) { answer = r; });
    if (answer.has_value()) // the contract: never inside the call
        return ica::SecretResult::error(ica::SecretResult::Status::Failed,
                                        QStringLiteral("answered inside the call"));
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, timeoutMs))
        return ica::SecretResult::error(ica::SecretResult::Status::Failed,
                                        QStringLiteral("no answer"));
    return *answer;
}

inline ica::SecretResult readSecret(ica::SecretStore &store, const QString &profileId,
                                    ica::SecretKind kind) {
    return waitFor([&](ica::SecretStore::Callback done) { store.read(profileId, kind, done); });
}

inline ica::SecretResult writeSecret(ica::SecretStore &store, const QString &profileId,
                                     ica::SecretKind kind, const QString &secret) {
    return waitFor(
        [&](ica::SecretStore::Callback done) { store.write(profileId, kind, secret, done); });
}

inline ica::SecretResult removeSecrets(ica::SecretStore &store, const QString &profileId) {
    return waitFor([&](ica::SecretStore::Callback done) { store.remove(profileId, done); });
}

} // namespace ica::test
