#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QUrl>

#include <optional>

namespace ica::test {

/// A misbehaving HTTP server on 127.0.0.1 for tests: it writes raw HTTP by hand, so
/// it can do what no well-behaved server (the simulator's QHttpServer) would. One
/// behaviour per instance. It answers the ICA paths icatag and the app call
/// (/api/projects, .../data, .../dataUpdateBatch/{id}[/items[/{id}]], a create POST,
/// /api/tokens) with that behaviour; the paging behaviours answer the non-listing
/// paths with a well-formed object. Bodies are generated as they are sent, never
/// held whole in memory.
class HostileServer final : public QObject {
    Q_OBJECT
public:
    enum class Behaviour {
        GzipBomb,      ///< 200, gzip: ~200 KB on the wire, 200 MB of zeros inflated
        HugeBody,      ///< 200 with a 200 MB JSON body (Content-Length announced)
        EndlessBody,   ///< 200, chunked, a JSON array that never ends
        Drip,          ///< 200 with a large Content-Length, then one byte per second
        DeepNesting,   ///< 200 with 100,000 '[' then as many ']'
        WrongShapes,   ///< 200, valid JSON whose fields have the wrong types
        HtmlLogin,     ///< 200 text/html: a captive portal's login page
        RedirectLoop,  ///< 302 to the same server, forever
        RedirectAway,  ///< 302 to another origin (a login site)
        RepeatCursor,  ///< listings: the same nextPageToken on every page
        CycleCursor,   ///< listings: tokens A, B, C, A, B, C, ...
        EndlessCursor, ///< listings: ignore the cursor/offset, same rows, a new token each page
        OversizedPage, ///< listings: twice as many rows as pageSize asked for
        HugeTotal,     ///< listings: totalItemCount / remainingRecords of 2^62
        Silent,        ///< accepts and reads the request, never answers
        Drop,          ///< reads the request, then closes the connection without answering
        RateLimited,   ///< 429 with Retry-After: 3600
        /// Listings: offset pages say 3 pages' worth of rows in totalItemCount, but the
        /// third page holds half a page (cursor pages: one page, then the end). With
        /// its finished batch (SUCCEEDED), the rows do not add up.
        ShortPages,
        /// Listings: full offset pages of 3 pages' worth, but every page after the
        /// first starts with the listing's first row again (cursor: one page, the end).
        RepeatedRow,
    };
    Q_ENUM(Behaviour)

    explicit HostileServer(Behaviour behaviour, QObject *parent = nullptr);
    ~HostileServer() override;

    /// Listens on 127.0.0.1 on a free port; false with errorString() on failure.
    bool listen();
    [[nodiscard]] QString errorString() const { return m_server.errorString(); }
    /// http://127.0.0.1:PORT (the server URL to give the client; paths start at /api).
    [[nodiscard]] QUrl baseUrl() const;
    [[nodiscard]] Behaviour behaviour() const { return m_behaviour; }
    /// Requests read so far (complete request heads).
    [[nodiscard]] int requestCount() const { return m_requests; }

    /// The behaviour's name as used on the hostile-server command line ("gzip-bomb").
    [[nodiscard]] static QString name(Behaviour behaviour);
    [[nodiscard]] static std::optional<Behaviour> fromName(const QString &name);
    [[nodiscard]] static QList<Behaviour> all();
    /// The behaviours that only misbehave on listings (paging).
    [[nodiscard]] static bool isPagingBehaviour(Behaviour behaviour);

private:
    class Connection;
    void onNewConnection();

    Behaviour m_behaviour;
    QTcpServer m_server;
    int m_requests = 0;
    qint64 m_rowCounter = 0; ///< for unique row IDs across pages
    int m_cursorStep = 0;    ///< for CycleCursor and EndlessCursor
};

} // namespace ica::test
