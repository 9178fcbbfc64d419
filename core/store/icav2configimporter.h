#pragma once

#include "core/store/profile.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

namespace ica {

/// What an import from the icav2 CLI found: a proposed profile (not stored) and
/// its secrets, plus sentences saying where each value came from and what could
/// not be read. `findings` and `problems` never contain a secret.
struct Icav2Import {
    Profile profile; ///< name "icav2 (HOST)", normalized server URL, auth kind by what was found
    QString apiKey;  ///< empty when none was found
    QString accessToken;
    bool serverUrlFound = false; ///< false: profile.serverUrl is the default
    QStringList findings;        ///< "API key: from ICAV2_X_API_KEY (overrides ...)."
    QStringList problems;        ///< malformed lines, a bad server URL, an unreadable file

    /// True when a server URL, an API key or an access token was found.
    [[nodiscard]] bool foundAnything() const {
        return serverUrlFound || !apiKey.isEmpty() || !accessToken.isEmpty();
    }
};

/// The `key: value` lines of a small flat YAML file, as the icav2 CLI writes them.
struct SimpleYaml {
    QHash<QString, QString> values;
    QStringList problems; ///< "line 3: ..."; never quotes the line (it may hold a secret)
};

/// Reads the icav2 CLI's configuration: ~/.icav2/config.yaml (server-url,
/// x-api-key, access-token), its session file (access-token, project-id), and the
/// environment variables ICAV2_SERVER_URL, ICAV2_X_API_KEY, ICAV2_ACCESS_TOKEN,
/// which win over the files; config.yaml wins over the session file. A bare host
/// such as "ica.illumina.com" becomes https://HOST/ica/rest. Never writes.
class Icav2ConfigImporter final {
public:
    [[nodiscard]] static QString defaultConfigPath();
    [[nodiscard]] static QString defaultSessionPath();

    /// Paths are injectable for tests; an empty path is not read.
    explicit Icav2ConfigImporter(const QString &configPath = defaultConfigPath(),
                                 const QString &sessionPath = defaultSessionPath());

    /// Reads the files and the environment now.
    [[nodiscard]] Icav2Import run() const;

    /// Parses flat `key: value` lines with optional single or double quotes and
    /// `#` comments; skips (and reports) indented, block and malformed lines.
    [[nodiscard]] static SimpleYaml parseSimpleYaml(const QByteArray &text);

private:
    QString m_configPath;
    QString m_sessionPath;
};

} // namespace ica
