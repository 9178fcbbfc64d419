#include "core/api/apiclient.h"

#include "core/api/serverurl.h"

namespace ica {

ApiClient::ApiClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam ? nam : new QNetworkAccessManager(this))
    , m_baseUrl(QString::fromLatin1(DefaultServerUrl)) {}

void ApiClient::setAuthenticator(Authenticator *authenticator) {
    if (m_authenticator == authenticator)
        return;
    if (m_authenticator)
        m_authenticator->deleteLater();
    m_authenticator = authenticator;
    if (authenticator)
        authenticator->setParent(this);
}

QUrl ApiClient::urlFor(const ApiRequest &request) const {
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path(QUrl::FullyEncoded) + request.path, QUrl::TolerantMode);
    if (!request.query.isEmpty())
        url.setQuery(QString::fromLatin1(request.query.encoded()), QUrl::TolerantMode);
    return url;
}

bool ApiClient::asksForGzip() const {
    return m_compression == AnswerCompression::Always || !isLoopbackHost(m_baseUrl.host());
}

ApiCall *ApiClient::send(ApiRequest request) {
    auto *call = new ApiCall(this, std::move(request));
    call->start();
    return call;
}

} // namespace ica
