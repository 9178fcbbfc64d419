#include "core/store/icav2configimporter.h"

#include "core/api/serverurl.h"
#include "core/domain/problem.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ica {

namespace {

const QString ServerKey = QStringLiteral("server-url");
const QString ApiKeyKey = QStringLiteral("x-api-key");
const QString AccessTokenKey = QStringLiteral("access-token");
const QString ProjectIdKey = QStringLiteral("project-id");
constexpr qint64 MaxFileSize = 1024 * 1024; // a config is a few lines; more is not one

/// The value after "key:", unquoted and without a trailing comment; `problem` is
/// set when the quoting is broken.
QString parseValue(const QString &raw, QString *problem) {
    const QString text = raw.trimmed();
    if (text.isEmpty())
        return {};
    const QChar quote = text.at(0);
    if (quote == QLatin1Char('"') || quote == QLatin1Char('\'')) {
        QString value;
        qsizetype i = 1;
        bool closed = false;
        for (; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (quote == QLatin1Char('"') && c == QLatin1Char('\\') && i + 1 < text.size()) {
                value += text.at(++i); // \" and \\ ; other escapes keep their letter
            } else if (c == quote) {
                if (quote == QLatin1Char('\'') && i + 1 < text.size() &&
                    text.at(i + 1) == QLatin1Char('\'')) {
                    value += quote; // '' is a quote inside single quotes
                    ++i;
                } else {
                    closed = true;
                    break;
                }
            } else {
                value += c;
            }
        }
        const QString rest = text.mid(i + 1).trimmed();
        if (!closed)
            *problem = QCoreApplication::translate("ica::Icav2ConfigImporter",
                                                   "a quoted value has no closing quote");
        else if (!rest.isEmpty() && !rest.startsWith(QLatin1Char('#')))
            *problem = QCoreApplication::translate("ica::Icav2ConfigImporter",
                                                   "there is text after the closing quote");
        return value;
    }
    if (quote == QLatin1Char('|') || quote == QLatin1Char('>') || quote == QLatin1Char('[') ||
        quote == QLatin1Char('{')) {
        *problem = QCoreApplication::translate("ica::Icav2ConfigImporter",
                                               "block and list values are not read");
        return {};
    }
    // Unquoted: a '#' after a space starts a comment.
    QString value = text;
    for (qsizetype i = 1; i < value.size(); ++i) {
        if (value.at(i) == QLatin1Char('#') && value.at(i - 1).isSpace()) {
            value.truncate(i);
            break;
        }
    }
    return value.trimmed();
}

struct Source {
    QString value;
    QString where;
};

/// The first non-empty candidate, and a finding that names where it came from
/// and what it overrode. `secret` hides the value in the finding.
Source pick(const QString &label, const QList<Source> &candidates, bool secret,
            QStringList *findings) {
    QList<Source> present;
    for (const Source &s : candidates)
        if (!s.value.isEmpty())
            present.append(s);
    if (present.isEmpty())
        return {};
    QString finding =
        secret ? QCoreApplication::translate("ica::Icav2ConfigImporter", "%1: found in %2")
                     .arg(label, present.first().where)
               : QCoreApplication::translate("ica::Icav2ConfigImporter", "%1: \"%2\" from %3")
                     .arg(label, present.first().value, present.first().where);
    if (present.size() > 1) {
        QStringList others;
        for (qsizetype i = 1; i < present.size(); ++i)
            others.append(present.at(i).where);
        finding =
            QCoreApplication::translate("ica::Icav2ConfigImporter", "%1 (overrides the one in %2)")
                .arg(finding, others.join(QStringLiteral(", ")));
    }
    findings->append(finding + QLatin1Char('.'));
    return present.first();
}

/// Reads one file into `yaml`; a missing file is not a problem.
SimpleYaml readYamlFile(const QString &path, QStringList *findings, QStringList *problems) {
    if (path.isEmpty())
        return {};
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.exists()) {
        findings->append(
            QCoreApplication::translate("ica::Icav2ConfigImporter", "No file at %1.").arg(shown));
        return {};
    }
    if (QFileInfo(file).size() > MaxFileSize) {
        problems->append(
            QCoreApplication::translate("ica::Icav2ConfigImporter",
                                        "%1 is larger than an icav2 configuration can be; it was "
                                        "not read.")
                .arg(shown));
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        problems->append(
            QCoreApplication::translate("ica::Icav2ConfigImporter",
                                        "%1 could not be read (%2); check its permissions.")
                .arg(shown, file.errorString()));
        return {};
    }
    SimpleYaml yaml = Icav2ConfigImporter::parseSimpleYaml(file.readAll());
    for (const QString &problem : std::as_const(yaml.problems))
        problems->append(QStringLiteral("%1, %2").arg(shown, problem));
    return yaml;
}

} // namespace

QString Icav2ConfigImporter::defaultConfigPath() {
    return QDir::home().filePath(QStringLiteral(".icav2/config.yaml"));
}

QString Icav2ConfigImporter::defaultSessionPath() {
    return QDir::home().filePath(QStringLiteral(".icav2/.session.ica.yaml"));
}

Icav2ConfigImporter::Icav2ConfigImporter(const QString &configPath, const QString &sessionPath)
    : m_configPath(configPath)
    , m_sessionPath(sessionPath) {}

SimpleYaml Icav2ConfigImporter::parseSimpleYaml(const QByteArray &text) {
    SimpleYaml yaml;
    QString content = QString::fromUtf8(text);
    if (content.startsWith(QChar(0xFEFF)))
        content.remove(0, 1);
    const QStringList lines = content.split(QLatin1Char('\n'));
    for (qsizetype n = 0; n < lines.size(); ++n) {
        QString line = lines.at(n);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')) ||
            trimmed == QLatin1String("---") || trimmed == QLatin1String("..."))
            continue;
        const auto report = [&yaml, n](const QString &why) {
            yaml.problems.append(QCoreApplication::translate("ica::Icav2ConfigImporter",
                                                             "line %1: %2; the line was skipped.")
                                     .arg(n + 1)
                                     .arg(why));
        };
        if (line.at(0).isSpace()) {
            report(QCoreApplication::translate("ica::Icav2ConfigImporter",
                                               "it is indented (nested values are not read)"));
            continue;
        }
        // "key: value": the colon must end the line or be followed by a space.
        qsizetype colon = -1;
        for (qsizetype i = 0; i < line.size(); ++i) {
            if (line.at(i) == QLatin1Char(':') &&
                (i + 1 == line.size() || line.at(i + 1).isSpace())) {
                colon = i;
                break;
            }
        }
        const QString key = colon > 0 ? line.left(colon).trimmed() : QString();
        if (key.isEmpty() || key.contains(QLatin1Char(' ')) || key.startsWith(QLatin1Char('"')) ||
            key.startsWith(QLatin1Char('\''))) {
            report(QCoreApplication::translate("ica::Icav2ConfigImporter",
                                               "it is not a \"key: value\" line"));
            continue;
        }
        QString problem;
        const QString value = parseValue(line.mid(colon + 1), &problem);
        if (!problem.isEmpty()) {
            report(QStringLiteral("%1 (key \"%2\")").arg(problem, key));
            continue;
        }
        yaml.values.insert(key, value);
    }
    return yaml;
}

Icav2Import Icav2ConfigImporter::run() const {
    Icav2Import result;
    const SimpleYaml config = readYamlFile(m_configPath, &result.findings, &result.problems);
    const SimpleYaml session = readYamlFile(m_sessionPath, &result.findings, &result.problems);
    const QString configWhere = QDir::toNativeSeparators(m_configPath);
    const QString sessionWhere = QDir::toNativeSeparators(m_sessionPath);
    const auto env = [](const char *name) {
        return Source{
            qEnvironmentVariable(name).trimmed(),
            QCoreApplication::translate("ica::Icav2ConfigImporter", "the environment variable %1")
                .arg(QLatin1String(name))};
    };

    const Source server =
        pick(QCoreApplication::translate("ica::Icav2ConfigImporter", "Server"),
             {env("ICAV2_SERVER_URL"), {config.values.value(ServerKey).trimmed(), configWhere}},
             false, &result.findings);
    const Source apiKey =
        pick(QCoreApplication::translate("ica::Icav2ConfigImporter", "API key"),
             {env("ICAV2_X_API_KEY"), {config.values.value(ApiKeyKey).trimmed(), configWhere}},
             true, &result.findings);
    const Source token =
        pick(QCoreApplication::translate("ica::Icav2ConfigImporter", "Access token"),
             {env("ICAV2_ACCESS_TOKEN"),
              {config.values.value(AccessTokenKey).trimmed(), configWhere},
              {session.values.value(AccessTokenKey).trimmed(), sessionWhere}},
             true, &result.findings);
    const Source project = pick(QCoreApplication::translate("ica::Icav2ConfigImporter", "Project"),
                                {{session.values.value(ProjectIdKey).trimmed(), sessionWhere}},
                                false, &result.findings);

    Profile &profile = result.profile;
    profile.id = Profile::newId();
    if (!server.value.isEmpty()) {
        result.serverUrlFound = true;
        QString error;
        const QUrl url = normalizeServerUrl(server.value, &error);
        if (url.isValid()) {
            profile.serverUrl = url.toString();
        } else {
            profile.serverUrl = server.value; // kept as given so the user can fix it
            result.problems.append(
                QCoreApplication::translate("ica::Icav2ConfigImporter", "The server from %1: %2")
                    .arg(server.where, error));
        }
    } else {
        result.findings.append(
            QCoreApplication::translate("ica::Icav2ConfigImporter",
                                        "No server given: the default %1 is proposed.")
                .arg(profile.serverUrl));
    }
    const QString host = QUrl(profile.serverUrl).host();
    profile.name =
        host.isEmpty() ? QStringLiteral("icav2") : QStringLiteral("icav2 (%1)").arg(host);
    result.apiKey = apiKey.value;
    result.accessToken = token.value;
    profile.authKind = !result.apiKey.isEmpty()        ? AuthKind::ApiKeyExchange
                       : !result.accessToken.isEmpty() ? AuthKind::AccessToken
                                                       : AuthKind::ApiKeyExchange;
    profile.defaultProjectId = project.value;
    if (!result.accessToken.isEmpty()) {
        if (const auto claims = JwtClaims::parse(result.accessToken)) {
            profile.tenantName = claims->tenantName;
            if (claims->expiresAt.isValid() && claims->expiresAt < QDateTime::currentDateTimeUtc())
                result.problems.append(
                    QCoreApplication::translate(
                        "ica::Icav2ConfigImporter",
                        "The access token from %1 expired on %2: use an API key "
                        "instead, or paste a fresh token.")
                        .arg(token.where, claims->expiresAt.toString(Qt::ISODate)));
        }
    }
    if (!result.foundAnything())
        result.findings.append(QCoreApplication::translate(
            "ica::Icav2ConfigImporter", "Neither an API key nor an access token was found."));
    return result;
}

} // namespace ica
