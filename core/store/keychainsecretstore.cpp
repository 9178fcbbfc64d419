#include "core/store/keychainsecretstore.h"

#include <QCoreApplication>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

namespace ica {

namespace {

QString keyOf(const QString &profileId, SecretKind kind) {
    return profileId + QLatin1Char('/') + secretKindKey(kind);
}

/// Whether an error means "no keychain here" (switch to memory) or "the keychain
/// said no" (report it).
SecretResult::Status statusOf(QKeychain::Error error) {
    switch (error) {
    case QKeychain::NoError:
        return SecretResult::Status::Ok;
    case QKeychain::EntryNotFound:
        return SecretResult::Status::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        return SecretResult::Status::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return SecretResult::Status::Failed;
    }
    return SecretResult::Status::Failed;
}

/// "the keychain's words", or a stand-in when it gave none.
QString reasonOf(const QKeychain::Job *job) {
    const QString text = job->errorString().trimmed();
    return text.isEmpty() ? QCoreApplication::translate("ica::KeychainSecretStore", "error %1")
                                .arg(int(job->error()))
                          : text;
}

template <typename Job> Job *newJob(const QString &service, const QString &key) {
    auto *job = new Job(service); // no parent: QtKeychain must not lose it mid-call
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

/// Starts `job`; when it finishes, `done` (if any) gets its result: the status its
/// error means, then what `complete` adds (the secret, or what went wrong).
template <typename Complete>
void runJob(QKeychain::Job *job, QObject *context, SecretStore::Callback done, Complete complete) {
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [job, done = std::move(done), complete = std::move(complete)] {
                         SecretResult result;
                         result.status = statusOf(job->error());
                         complete(result);
                         if (done)
                             done(result);
                     });
    job->start();
}

} // namespace

QString KeychainSecretStore::defaultServiceName() {
    return QStringLiteral("ICA Tagger");
}

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service) {}

KeychainSecretStore::~KeychainSecretStore() = default;

void KeychainSecretStore::read(const QString &profileId, SecretKind kind, Callback done) {
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, keyOf(profileId, kind));
    runJob(job, this, std::move(done), [job, kind](SecretResult &result) {
        if (result.ok())
            result.secret = job->textData();
        else if (result.status == SecretResult::Status::NotFound)
            result.message =
                QCoreApplication::translate("ica::KeychainSecretStore",
                                            "No %1 is stored in the system keychain for this "
                                            "profile: enter it in the profile dialog.")
                    .arg(secretKindLabel(kind));
        else {
            result.detail = reasonOf(job);
            result.message = QCoreApplication::translate("ica::KeychainSecretStore",
                                                         "The %1 could not be read from the system "
                                                         "keychain (%2).")
                                 .arg(secretKindLabel(kind), result.detail);
        }
    });
}

void KeychainSecretStore::write(const QString &profileId, SecretKind kind, const QString &secret,
                                Callback done) {
    if (secret.isEmpty()) {
        removeKey(keyOf(profileId, kind), secretKindLabel(kind), std::move(done));
        return;
    }
    auto *job = newJob<QKeychain::WritePasswordJob>(m_service, keyOf(profileId, kind));
    job->setTextData(secret);
    runJob(job, this, std::move(done), [job, kind, secret](SecretResult &result) {
        if (!result.ok()) {
            result.detail = withoutSecret(reasonOf(job), secret);
            result.message = QCoreApplication::translate("ica::KeychainSecretStore",
                                                         "The %1 could not be saved in the system "
                                                         "keychain (%2).")
                                 .arg(secretKindLabel(kind), result.detail);
        }
    });
}

void KeychainSecretStore::removeKey(const QString &key, const QString &what, Callback done) {
    auto *job = newJob<QKeychain::DeletePasswordJob>(m_service, key);
    runJob(job, this, std::move(done), [job, what](SecretResult &result) {
        if (result.status == SecretResult::Status::NotFound)
            result.status = SecretResult::Status::Ok; // gone either way
        if (!result.ok()) {
            result.detail = reasonOf(job);
            result.message =
                QCoreApplication::translate("ica::KeychainSecretStore",
                                            "The %1 could not be removed from the system "
                                            "keychain (%2).")
                    .arg(what, result.detail);
        }
    });
}

void KeychainSecretStore::remove(const QString &profileId, Callback done) {
    // Both kinds; the first failure is the answer, given once both jobs are done.
    struct Pending {
        int left = 2;
        SecretResult result;
        Callback done;
    };
    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);
    for (const SecretKind kind : {SecretKind::ApiKey, SecretKind::AccessToken}) {
        removeKey(keyOf(profileId, kind), secretKindLabel(kind),
                  [pending](const SecretResult &result) {
                      if (!result.ok() && pending->result.ok())
                          pending->result = result;
                      if (--pending->left == 0 && pending->done)
                          pending->done(pending->result);
                  });
    }
}

void KeychainSecretStore::probe(ProbeCallback done) {
    struct Pending {
        bool answered = false;
        ProbeCallback done;
        void answer(bool available, const QString &reason) {
            if (answered)
                return;
            answered = true;
            if (done)
                done(available, reason);
        }
    };
    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, QStringLiteral("probe"));
    connect(job, &QKeychain::Job::finished, this, [job, pending] {
        const SecretResult::Status status = statusOf(job->error());
        const bool available =
            status == SecretResult::Status::Ok || status == SecretResult::Status::NotFound;
        pending->answer(available, available ? QString() : reasonOf(job));
    });
    QTimer::singleShot(m_probeTimeout, this, [pending, timeout = m_probeTimeout] {
        pending->answer(false,
                        QCoreApplication::translate("ica::KeychainSecretStore",
                                                    "the keychain did not answer within %1 seconds")
                            .arg(double(timeout.count()) / 1000.0));
    });
    job->start();
}

} // namespace ica
