#pragma once

#include "cli/console.h"

#include <QByteArray>
#include <QNetworkAccessManager>

namespace ica::cli {

/// The CLI's network access manager: every request the core client makes passes
/// through createRequest(), so this is the one place that logs them (--verbose:
/// method and URL, then status and time; credentials live in headers and are
/// never printed) and reports a chosen response header (the hidden
/// ICATAG_REPORT_HEADER variable, used by the Prism conformance script to see
/// Prism's sl-violations header).
class LoggingNetworkAccessManager final : public QNetworkAccessManager {
    Q_OBJECT
public:
    LoggingNetworkAccessManager(Console &console, bool verbose, QByteArray reportHeader,
                                QObject *parent = nullptr);

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    void onReplyFinished(QNetworkReply *reply, const QString &line, qint64 startedMs);

    Console &m_console;
    bool m_verbose;
    QByteArray m_reportHeader;
};

} // namespace ica::cli
