#include "gunzip.h"

#include <zlib.h>

namespace ica {

std::optional<QByteArray> gunzip(const QByteArray &compressed, QString *error) {
    const auto fail = [error](const QString &message) -> std::optional<QByteArray> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    z_stream stream{};
    // 16 + MAX_WBITS: expect a gzip header and trailer (not raw zlib).
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return fail(QStringLiteral("could not start gzip decompression"));
    QByteArray out;
    out.resize(qMax<qsizetype>(compressed.size() * 4, 4096));
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    stream.avail_in = uInt(compressed.size());
    int result = Z_OK;
    while (result == Z_OK) {
        if (stream.total_out >= uLong(out.size()))
            out.resize(out.size() * 2);
        stream.next_out = reinterpret_cast<Bytef *>(out.data() + stream.total_out);
        stream.avail_out = uInt(out.size() - qsizetype(stream.total_out));
        result = inflate(&stream, Z_NO_FLUSH);
        if (result == Z_BUF_ERROR && stream.avail_in == 0)
            break; // input exhausted before the end of the stream
        if (result == Z_BUF_ERROR)
            result = Z_OK; // needs more output room
    }
    const uLong produced = stream.total_out;
    inflateEnd(&stream);
    if (result != Z_STREAM_END)
        return fail(result == Z_DATA_ERROR ? QStringLiteral("the gzip data is corrupt")
                                           : QStringLiteral("the gzip data ends early"));
    out.truncate(qsizetype(produced));
    return out;
}

} // namespace ica
