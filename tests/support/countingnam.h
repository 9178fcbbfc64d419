#pragma once

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

namespace ica::test {

/// A network access manager that keeps the URL of every request it starts and counts
/// those started, finished and in flight at once: tests hand it to the real client
/// (SimFixture) to see which calls were made.
class CountingNam final : public QNetworkAccessManager {
public:
    int started = 0;
    int finishedCount = 0;
    int maxInFlight = 0;
    QList<QUrl> urls; ///< every request started, in order

    [[nodiscard]] int inFlight() const { return started - finishedCount; }
    void resetCounters() {
        started = finishedCount = maxInFlight = 0;
        urls.clear();
    }
    /// Requests started whose path ends with `suffix` and whose decoded query contains
    /// `part`.
    [[nodiscard]] int count(const QString &suffix, const QString &part = QString()) const {
        int n = 0;
        for (const QUrl &url : urls) {
            if (url.path().endsWith(suffix) &&
                (part.isEmpty() || url.query(QUrl::FullyDecoded).contains(part)))
                ++n;
        }
        return n;
    }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override {
        ++started;
        urls.append(request.url());
        maxInFlight = qMax(maxInFlight, inFlight());
        QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, outgoingData);
        connect(reply, &QNetworkReply::finished, this, [this]() { ++finishedCount; });
        return reply;
    }
};

} // namespace ica::test
