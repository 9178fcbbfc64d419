#pragma once

#include "core/api/apicall.h"
#include "core/api/apierror.h"
#include "core/api/backgroundpool.h"
#include "core/domain/jsondecode.h"
#include "core/rows/offthread.h"

#include <QPointer>

#include <functional>
#include <optional>

namespace ica {

/// A typed answer: the value, or the error.
template <typename T> struct Result {
    std::optional<T> value;
    ApiError error;

    [[nodiscard]] bool ok() const { return !error.isError() && value.has_value(); }
    static Result success(T v) { return Result{std::move(v), {}}; }
    static Result failure(ApiError e) { return Result{std::nullopt, std::move(e)}; }
};

template <typename T> using ResultCallback = std::function<void(const Result<T> &)>;

template <typename T> using BodyDecoder = Decoded<T> (*)(const QByteArray &);

/// Bodies larger than this are decoded on a worker thread so the caller's (GUI)
/// thread stays responsive; smaller ones are not worth the hop.
inline constexpr qsizetype OffThreadDecodeThreshold = 64 * 1024;

/// Wires a finished call to a typed callback: HTTP and network errors pass through;
/// a 2xx body is decoded (off-thread when large). The callback runs on `context`'s
/// thread and is dropped when `context` is destroyed first. `priority` Background
/// decodes on the BackgroundPool (bulk reads that must not compete with the GUI).
template <typename T>
ApiCall *deliver(ApiCall *call, QObject *context, BodyDecoder<T> decoder,
                 ResultCallback<T> callback, WorkPriority priority = WorkPriority::Normal) {
    QObject::connect(
        call, &ApiCall::finished, context, [call, context, decoder, callback, priority]() {
            if (call->error().isError()) {
                callback(Result<T>::failure(call->error()));
                return;
            }
            const int status = call->httpStatus();
            const auto finishWith = [status, callback](const Decoded<T> &decoded) {
                if (decoded.ok())
                    callback(Result<T>::success(*decoded.value));
                else
                    callback(Result<T>::failure(ApiError::decode(status, decoded.describe())));
            };
            const QByteArray body = call->body();
            if (body.size() < OffThreadDecodeThreshold) {
                finishWith(decoder(body));
                return;
            }
            // What the callback did not keep (a big page's strings: ~8 ms) is freed off
            // the GUI thread.
            runOffThread(
                context, [decoder, body]() { return decoder(body); },
                [finishWith](Decoded<T> decoded) {
                    finishWith(decoded);
                    destroyOffThread(std::move(decoded));
                },
                priority);
        });
    return call;
}

} // namespace ica
