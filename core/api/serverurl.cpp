#include "core/api/serverurl.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace ica {

bool isLoopbackHost(const QString &host) {
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QUrl normalizeServerUrl(const QString &input, QString *error) {
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return QUrl();
    };
    const QString text = input.trimmed();
    if (text.isEmpty())
        return fail(
            QCoreApplication::translate("ica::ServerUrl",
                                        "The server URL is empty: give a URL such as %1 or a host "
                                        "name such as ica.illumina.com.")
                .arg(QLatin1String(DefaultServerUrl)));
    QUrl url;
    if (text.contains(QLatin1String("://"))) {
        url = QUrl(text, QUrl::StrictMode);
    } else {
        url =
            QUrl(QStringLiteral("https://") + text + QStringLiteral("/ica/rest"), QUrl::StrictMode);
    }
    if (!url.isValid() || url.host().isEmpty())
        return fail(QCoreApplication::translate(
                        "ica::ServerUrl",
                        "\"%1\" is not a valid server URL: give a URL such as %2 or "
                        "a host name such as ica.illumina.com.")
                        .arg(text, QLatin1String(DefaultServerUrl)));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http")) {
        if (!isLoopbackHost(url.host()))
            return fail(QCoreApplication::translate(
                            "ica::ServerUrl",
                            "Plain http is only allowed to this computer (127.0.0.1 or "
                            "localhost); use https for %1.")
                            .arg(url.host()));
    } else if (scheme != QLatin1String("https")) {
        return fail(QCoreApplication::translate(
                        "ica::ServerUrl", "The server URL must start with https:// (got \"%1\").")
                        .arg(url.scheme()));
    }
    if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return fail(QCoreApplication::translate(
            "ica::ServerUrl", "The server URL must not hold a query, fragment or user name."));
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    if (error)
        error->clear();
    return url;
}

} // namespace ica
