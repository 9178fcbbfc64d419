#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace ica::test {

/// Finds secrets that were written where they must never be: in the files under
/// `paths` (files or folders, searched recursively, hidden files included) and, for
/// SQLite files, in every text and blob value of every table as SQLite reads it
/// (so a value split across pages or still in the -wal is seen too). A secret is
/// one of `knownSecrets` (API keys, JWTs the test knows), anything shaped like a
/// JWT (three base64url parts, the first starting "eyJ"), or an "Authorization:" or
/// "X-API-Key:" header with a value that is not masked. Returns one finding per
/// hit, "WHERE: WHAT" (naming the kind, never the secret); empty when clean. An
/// unreadable file is a finding too: a scan that cannot look proves nothing.
[[nodiscard]] QStringList findSecrets(const QStringList &paths,
                                      const QList<QByteArray> &knownSecrets);

/// The same checks over captured output (stdout, stderr, a log); `label` names it
/// in the findings.
[[nodiscard]] QStringList findSecretsInOutput(const QByteArray &output,
                                              const QList<QByteArray> &knownSecrets,
                                              const QString &label = QStringLiteral("output"));

} // namespace ica::test
