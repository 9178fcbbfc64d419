#pragma once

#include "core/store/secretstore.h"

#include <QHash>

namespace ica {

/// Secrets in memory only, for this session: the null object used when no system
/// keychain answers. Never writes anything to disk.
class SessionSecretStore final : public SecretStore {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionSecretStore)
public:
    explicit SessionSecretStore(QObject *parent = nullptr);
    ~SessionSecretStore() override;

    void read(const QString &profileId, SecretKind kind, Callback done) override;
    void write(const QString &profileId, SecretKind kind, const QString &secret,
               Callback done) override;
    void remove(const QString &profileId, Callback done) override;
    [[nodiscard]] bool isPersistent() const override { return false; }
    [[nodiscard]] QString persistenceNote() const override;

private:
    void answer(Callback done, const SecretResult &result);

    QHash<QString, QString> m_secrets; // "<profileId>/<kind>" -> secret
};

} // namespace ica
