#include "core/api/gunzip.h"

#include <QCoreApplication>

#include <zlib.h>

namespace ica {

namespace {
/// Inflated in steps of this size, so output grows with what the stream really holds.
constexpr qsizetype Chunk = 64 * 1024;
} // namespace

std::optional<QByteArray> gunzip(const QByteArray &compressed, qint64 maxOutput, QString *error,
                                 bool *tooLarge) {
    const auto fail = [error, tooLarge](const QString &message,
                                        bool limit) -> std::optional<QByteArray> {
        if (error)
            *error = message;
        if (tooLarge)
            *tooLarge = limit;
        return std::nullopt;
    };
    z_stream stream{};
    // 16 + MAX_WBITS: expect a gzip header and trailer (not raw zlib).
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return fail(
            QCoreApplication::translate("ica::Gunzip", "could not start gzip decompression"),
            false);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    stream.avail_in = uInt(compressed.size());
    QByteArray out;
    int result = Z_OK;
    QString limitProblem;
    while (result == Z_OK) {
        const qint64 produced = qint64(stream.total_out);
        const qint64 room = qMin<qint64>(Chunk, maxOutput - produced);
        if (room <= 0) {
            // Full: one more byte of output means the stream is over the limit.
            unsigned char probe = 0;
            stream.next_out = &probe;
            stream.avail_out = 1;
            result = inflate(&stream, Z_NO_FLUSH);
            if (stream.avail_out == 0) {
                limitProblem =
                    QCoreApplication::translate("ica::Gunzip", "it inflates to more than %1 bytes")
                        .arg(maxOutput);
                break;
            }
            continue;
        }
        if (out.capacity() < produced + room) // grow geometrically, never past the limit
            out.reserve(qsizetype(qMin(qMax(produced + room, 2 * qint64(out.capacity())),
                                       qMax(maxOutput, produced + room))));
        out.resize(produced + room);
        stream.next_out = reinterpret_cast<Bytef *>(out.data() + produced);
        stream.avail_out = uInt(room);
        result = inflate(&stream, Z_NO_FLUSH);
        if (result == Z_BUF_ERROR && stream.avail_in == 0)
            break; // input exhausted before the end of the stream
        if (result == Z_BUF_ERROR)
            result = Z_OK; // needs more output room
        const qint64 in = qint64(stream.total_in);
        if (qint64(stream.total_out) > GunzipRatioFloor &&
            qint64(stream.total_out) > GunzipMaxRatio * qMax<qint64>(in, 1)) {
            limitProblem = QCoreApplication::translate(
                               "ica::Gunzip", "it inflates more than %1 times (a gzip bomb?)")
                               .arg(GunzipMaxRatio);
            break;
        }
    }
    const qint64 produced = qint64(stream.total_out);
    inflateEnd(&stream);
    if (!limitProblem.isEmpty())
        return fail(limitProblem, true);
    if (result != Z_STREAM_END)
        return fail(result == Z_DATA_ERROR
                        ? QCoreApplication::translate("ica::Gunzip", "the gzip data is corrupt")
                        : QCoreApplication::translate("ica::Gunzip", "the gzip data ends early"),
                    false);
    out.truncate(qsizetype(produced));
    return out;
}

} // namespace ica
