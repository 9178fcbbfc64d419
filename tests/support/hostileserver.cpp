#include "tests/support/hostileserver.h"

#include <QMetaEnum>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <functional>
#include <iterator>

#include <zlib.h>

namespace ica::test {

namespace {

constexpr qint64 MiB = 1024 * 1024;
/// The inflated size of the gzip bomb and the size of the huge body.
constexpr qint64 HugeSize = 200 * MiB;
/// A request head larger than this is refused (the server must stay bounded too).
constexpr qsizetype MaxRequestBytes = 1 * MiB;
/// Generated bodies are written while less than this waits in the socket.
constexpr qint64 HighWater = 256 * 1024;
/// Rows per page are capped so an absurd pageSize cannot balloon the server.
constexpr int MaxRowsPerPage = 10000;
constexpr qint64 HugeCount = qint64(1) << 62;

/// gzip of HugeSize zero bytes, made once (deflate reaches ~1000:1 on zeros).
const QByteArray &gzipBomb() {
    static const QByteArray bomb = []() {
        z_stream stream{};
        deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 9,
                     Z_DEFAULT_STRATEGY);
        const QByteArray zeros(int(MiB), '\0');
        QByteArray out;
        char buffer[64 * 1024];
        for (qint64 fed = 0; fed < HugeSize; fed += MiB) {
            const int flush = fed + MiB >= HugeSize ? Z_FINISH : Z_NO_FLUSH;
            stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(zeros.constData()));
            stream.avail_in = uInt(zeros.size());
            do {
                stream.next_out = reinterpret_cast<Bytef *>(buffer);
                stream.avail_out = sizeof buffer;
                deflate(&stream, flush);
                out.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
            } while (stream.avail_out == 0);
        }
        deflateEnd(&stream);
        return out;
    }();
    return bomb;
}

const QByteArray WrongShapes =
    R"({"items":"many","nextPageToken":5,"totalItemCount":"lots","remainingRecords":[],)"
    R"("id":7,"name":["x"],"projectId":{},"data":"none","job":[],"token":false})";

const QByteArray LoginPage =
    "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>"
    "<form method=\"post\" action=\"/login\"><input name=\"user\"><input name=\"password\" "
    "type=\"password\"><button>Sign in</button></form></body></html>\n";

const QByteArray BatchJson = R"({"id":"hostile-b","job":{"id":"hostile-j","status":"SUCCEEDED",)"
                             R"("subjectType":"DATA_UPDATE_BATCH","subjectId":"hostile-b",)"
                             R"("timeCreated":"2024-01-01T00:00:00Z","owner":{"id":"hostile-u"}}})";

enum class Listing { None, Projects, Data, Items };

Listing listingOf(const QByteArray &method, const QString &path) {
    if (method != "GET")
        return Listing::None;
    if (path == QLatin1String("/api/projects"))
        return Listing::Projects;
    if (path.startsWith(QLatin1String("/api/projects/")) && path.endsWith(QLatin1String("/data")))
        return Listing::Data;
    if (path.contains(QLatin1String("/dataUpdateBatch/")) && path.endsWith(QLatin1String("/items")))
        return Listing::Items;
    return Listing::None;
}

QByteArray rowJson(Listing listing, qint64 n) {
    const QByteArray id = QByteArray::number(n);
    switch (listing) {
    case Listing::Projects:
        return R"({"id":"hostile-p-)" + id + R"(","name":"Hostile project )" + id + R"("})";
    case Listing::Data:
        return R"({"projectId":"hostile-p","data":{"id":"fil.hostile)" + id + R"("}})";
    case Listing::Items:
        return R"({"id":"hostile-i-)" + id + R"(","request":{"dataId":"fil.hostile)" + id +
               R"("},"processing":{"status":"UPDATED"}})";
    case Listing::None:
        break;
    }
    return "{}";
}

/// A well-formed answer for a path that is not a listing.
QByteArray objectJson(const QString &path) {
    if (path == QLatin1String("/api/tokens"))
        return R"({"token":"hostile.token.value"})";
    if (path.contains(QLatin1String("/items/")))
        return rowJson(Listing::Items, 0);
    if (path.contains(QLatin1String("/data/")))
        return rowJson(Listing::Data, 0);
    return BatchJson;
}

QByteArray head(int status, const QByteArray &reason,
                const QList<QPair<QByteArray, QByteArray>> &headers) {
    QByteArray text = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    for (const auto &[name, value] : headers)
        text += name + ": " + value + "\r\n";
    text += "Connection: close\r\n\r\n";
    return text;
}

} // namespace

/// One accepted connection: reads one request, answers it the hostile way.
class HostileServer::Connection final : public QObject {
public:
    Connection(HostileServer *server, QTcpSocket *socket)
        : QObject(server)
        , m_server(server)
        , m_socket(socket) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
        connect(socket, &QTcpSocket::bytesWritten, this, &Connection::pump);
        connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        connect(&m_drip, &QTimer::timeout, this, &Connection::dripOne);
    }

private:
    void onReadyRead() {
        m_in += m_socket->readAll();
        if (m_answered)
            return; // Silent keeps reading, never answers
        if (m_in.size() > MaxRequestBytes) {
            m_socket->abort();
            return;
        }
        const qsizetype end = m_in.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = m_in.left(end).split('\n');
        qint64 length = 0;
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length")
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        if (m_in.size() < end + 4 + length)
            return; // the body is still coming
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        m_answered = true;
        ++m_server->m_requests;
        answer(requestLine.value(0), QUrl(QString::fromLatin1(requestLine.value(1))));
    }

    void answer(const QByteArray &method, const QUrl &target) {
        const QString path = target.path();
        const QUrlQuery query(target);
        switch (m_server->m_behaviour) {
        case Behaviour::GzipBomb:
            sendWhole(head(200, "OK",
                           {{"Content-Type", "application/json"},
                            {"Content-Encoding", "gzip"},
                            {"Content-Length", QByteArray::number(gzipBomb().size())}}) +
                      gzipBomb());
            return;
        case Behaviour::HugeBody: {
            const QByteArray tail = R"({"items":[]})";
            sendHead(head(200, "OK",
                          {{"Content-Type", "application/json"},
                           {"Content-Length", QByteArray::number(HugeSize)}}));
            // Whitespace, then a tiny JSON value: valid, just far too large.
            auto left = std::make_shared<qint64>(HugeSize);
            m_generator = [left, tail]() -> QByteArray {
                if (*left <= 0)
                    return {};
                if (*left == tail.size()) {
                    *left = 0;
                    return tail;
                }
                const qint64 n = qMin<qint64>(64 * 1024, *left - tail.size());
                *left -= n;
                return QByteArray(qsizetype(n), ' ');
            };
            pump();
            return;
        }
        case Behaviour::EndlessBody: {
            sendHead(
                head(200, "OK",
                     {{"Content-Type", "application/json"}, {"Transfer-Encoding", "chunked"}}));
            QByteArray rows;
            while (rows.size() < 60 * 1024)
                rows += R"({"id":"endless","name":"endless"},)";
            auto first = std::make_shared<bool>(true);
            m_generator = [first, rows]() -> QByteArray {
                const QByteArray data = *first ? QByteArray(R"({"items":[)") + rows : rows;
                *first = false;
                return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
            };
            pump();
            return;
        }
        case Behaviour::Drip:
            sendHead(head(200, "OK",
                          {{"Content-Type", "application/json"}, {"Content-Length", "1000000"}}));
            m_socket->write("[");
            m_drip.start(1000);
            return;
        case Behaviour::DeepNesting:
            sendJson(200, QByteArray(100000, '[') + QByteArray(100000, ']'));
            return;
        case Behaviour::WrongShapes:
            sendJson(200, WrongShapes);
            return;
        case Behaviour::HtmlLogin:
            sendBody(200, "text/html; charset=utf-8", LoginPage);
            return;
        case Behaviour::RedirectLoop:
            sendWhole(head(302, "Found",
                           {{"Location", m_server->baseUrl().toEncoded() + target.toEncoded()},
                            {"Content-Length", "0"}}));
            return;
        case Behaviour::RedirectAway:
            sendWhole(head(302, "Found",
                           {{"Location", "https://login.example.invalid/sso?session=abc"},
                            {"Content-Length", "0"}}));
            return;
        case Behaviour::Silent:
            return;
        case Behaviour::Drop:
            m_socket->disconnectFromHost();
            return;
        case Behaviour::RateLimited:
            sendWhole(
                head(429, "Too Many Requests", {{"Retry-After", "3600"}, {"Content-Length", "0"}}));
            return;
        case Behaviour::RepeatCursor:
        case Behaviour::CycleCursor:
        case Behaviour::EndlessCursor:
        case Behaviour::OversizedPage:
        case Behaviour::HugeTotal:
        case Behaviour::ShortPages:
        case Behaviour::RepeatedRow:
            break;
        }
        const Listing listing = listingOf(method, path);
        if (listing == Listing::None) {
            sendJson(method == "POST" ? 201 : 200, objectJson(path));
            return;
        }
        sendJson(200, page(listing, query));
    }

    /// A listing page the paging behaviour's way.
    QByteArray page(Listing listing, const QUrlQuery &query) {
        const int pageSize =
            qBound(1, query.queryItemValue(QStringLiteral("pageSize")).toInt(), MaxRowsPerPage);
        const bool offsetMode = query.hasQueryItem(QStringLiteral("pageOffset"));
        int rows = pageSize;
        bool freshRows = true; // unique IDs on every page, or the same ones each time
        bool firstRowAgain = false;
        QByteArray info;
        const qint64 offset = query.queryItemValue(QStringLiteral("pageOffset")).toLongLong();
        switch (m_server->m_behaviour) {
        case Behaviour::RepeatCursor:
            info = offsetMode ? R"("totalItemCount":100000)" : R"("nextPageToken":"same-token")";
            freshRows = !offsetMode;
            break;
        case Behaviour::CycleCursor: {
            const char *tokens[] = {"A", "B", "C"};
            info = offsetMode ? QByteArray(R"("totalItemCount":100000)")
                              : QByteArray(R"("nextPageToken":")") +
                                    tokens[m_server->m_cursorStep++ % 3] + '"';
            freshRows = !offsetMode;
            break;
        }
        case Behaviour::EndlessCursor:
            info = offsetMode ? QByteArray(R"("totalItemCount":100000)")
                              : R"("nextPageToken":"t-)" +
                                    QByteArray::number(m_server->m_cursorStep++) + '"';
            freshRows = false;
            break;
        case Behaviour::OversizedPage:
            rows = qMin(2 * pageSize + 1, 2 * MaxRowsPerPage);
            info = R"("totalItemCount":)" + QByteArray::number(rows);
            break;
        case Behaviour::HugeTotal:
            info = (offsetMode ? R"("totalItemCount":)" : R"("remainingRecords":)") +
                   QByteArray::number(HugeCount);
            break;
        case Behaviour::ShortPages:
        case Behaviour::RepeatedRow:
            if (!offsetMode)
                break; // one page, no next token: the end
            info = R"("totalItemCount":)" + QByteArray::number(3 * qint64(pageSize));
            if (m_server->m_behaviour == Behaviour::ShortPages && offset >= 2 * qint64(pageSize))
                rows = qMax(1, pageSize / 2);
            firstRowAgain = m_server->m_behaviour == Behaviour::RepeatedRow && offset > 0;
            // Rows numbered by offset: the pages in flight may be asked in any order.
            freshRows = false;
            break;
        default:
            break;
        }
        QByteArray body = R"({"items":[)";
        for (int i = 0; i < rows; ++i) {
            if (i > 0)
                body += ',';
            qint64 n = freshRows ? m_server->m_rowCounter++ : i;
            if (m_server->m_behaviour == Behaviour::ShortPages ||
                m_server->m_behaviour == Behaviour::RepeatedRow)
                n = offsetMode && !(firstRowAgain && i == 0) ? offset + i : i;
            body += rowJson(listing, n);
        }
        return body + "]," + info + '}';
    }

    void sendJson(int status, const QByteArray &body) {
        sendBody(status, "application/json", body);
    }
    void sendBody(int status, const QByteArray &contentType, const QByteArray &body) {
        sendWhole(head(status, status == 201 ? "Created" : "OK",
                       {{"Content-Type", contentType},
                        {"Content-Length", QByteArray::number(body.size())}}) +
                  body);
    }
    void sendWhole(const QByteArray &response) {
        m_socket->write(response);
        m_socket->disconnectFromHost(); // after the pending bytes are written
    }
    void sendHead(const QByteArray &text) { m_socket->write(text); }

    void pump() {
        if (!m_generator)
            return;
        while (m_socket->state() == QAbstractSocket::ConnectedState &&
               m_socket->bytesToWrite() < HighWater) {
            const QByteArray chunk = m_generator();
            if (chunk.isEmpty()) {
                m_generator = nullptr;
                m_socket->disconnectFromHost();
                return;
            }
            m_socket->write(chunk);
        }
    }

    void dripOne() {
        if (m_socket->state() != QAbstractSocket::ConnectedState) {
            m_drip.stop();
            return;
        }
        m_socket->write(" ");
    }

    HostileServer *m_server;
    QTcpSocket *m_socket;
    QByteArray m_in;
    bool m_answered = false;
    std::function<QByteArray()> m_generator;
    QTimer m_drip;
};

HostileServer::HostileServer(Behaviour behaviour, QObject *parent)
    : QObject(parent)
    , m_behaviour(behaviour) {
    connect(&m_server, &QTcpServer::newConnection, this, &HostileServer::onNewConnection);
}

HostileServer::~HostileServer() = default;

bool HostileServer::listen() {
    if (m_behaviour == Behaviour::GzipBomb)
        (void)gzipBomb(); // made before the first request, not while a client waits
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl HostileServer::baseUrl() const {
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server.serverPort());
    return url;
}

void HostileServer::onNewConnection() {
    while (QTcpSocket *socket = m_server.nextPendingConnection())
        new Connection(this, socket);
}

QString HostileServer::name(Behaviour behaviour) {
    // "GzipBomb" -> "gzip-bomb"
    const QString key =
        QString::fromLatin1(QMetaEnum::fromType<Behaviour>().valueToKey(int(behaviour)));
    QString out;
    for (const QChar c : key) {
        if (c.isUpper() && !out.isEmpty())
            out += QLatin1Char('-');
        out += c.toLower();
    }
    return out;
}

std::optional<HostileServer::Behaviour> HostileServer::fromName(const QString &text) {
    for (const Behaviour behaviour : all()) {
        if (name(behaviour) == text)
            return behaviour;
    }
    return std::nullopt;
}

QList<HostileServer::Behaviour> HostileServer::all() {
    QList<Behaviour> list;
    const QMetaEnum meta = QMetaEnum::fromType<Behaviour>();
    for (int i = 0; i < meta.keyCount(); ++i)
        list.append(Behaviour(meta.value(i)));
    return list;
}

bool HostileServer::isPagingBehaviour(Behaviour behaviour) {
    // The behaviours the request handler leaves to its paging part.
    constexpr Behaviour Paging[] = {Behaviour::RepeatCursor,  Behaviour::CycleCursor,
                                    Behaviour::EndlessCursor, Behaviour::OversizedPage,
                                    Behaviour::HugeTotal,     Behaviour::ShortPages,
                                    Behaviour::RepeatedRow};
    return std::find(std::begin(Paging), std::end(Paging), behaviour) != std::end(Paging);
}

} // namespace ica::test
