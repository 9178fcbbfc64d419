#include "core/domain/fastitemdecoder.h"
#include "core/domain/jsonlint.h"

#include <string_view>

namespace ica {

namespace {

using namespace simdjson;

// Uses the DOM API on purpose: it picks the fastest kernel for this CPU at run
// time, whereas the on-demand API is bound at compile time to the baseline target
// (the scalar fallback on a plain x86-64 build). Any failure inside bails out with
// `false`; the caller then re-decodes slowly for a precise message. Unknown members
// are skipped, as the slow decoder does.

QString toQString(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool readString(dom::element value, QString &out) {
    if (value.is_null())
        return true;
    std::string_view s;
    if (value.get_string().get(s) != SUCCESS)
        return false;
    out = toQString(s);
    return true;
}

bool readStringList(dom::element value, QStringList &out) {
    if (value.is_null())
        return true;
    dom::array array;
    if (value.get_array().get(array) != SUCCESS)
        return false;
    out.reserve(qsizetype(array.size()));
    for (dom::element element : array) {
        if (element.is_null())
            continue;
        std::string_view s;
        if (element.get_string().get(s) != SUCCESS)
            return false;
        out.append(toQString(s));
    }
    return true;
}

bool readDateTime(dom::element value, QDateTime &out) {
    QString text;
    if (!readString(value, text))
        return false;
    if (text.isEmpty())
        return true;
    out = parseDateTime(text);
    return out.isValid();
}

bool readTagUpdate(dom::element value, TagUpdate &out) {
    if (value.is_null())
        return true;
    dom::object object;
    if (value.get_object().get(object) != SUCCESS)
        return false;
    for (dom::key_value_pair field : object) {
        if (field.key == "addTags") {
            if (!readStringList(field.value, out.addTags))
                return false;
        } else if (field.key == "removeTags") {
            if (!readStringList(field.value, out.removeTags))
                return false;
        }
    }
    return true;
}

bool readRequest(dom::element value, BatchItemRequest &out) {
    dom::object object;
    if (value.get_object().get(object) != SUCCESS)
        return false;
    bool hasDataId = false;
    for (dom::key_value_pair field : object) {
        bool ok = true;
        if (field.key == "dataId") {
            std::string_view s;
            ok = field.value.get_string().get(s) == SUCCESS;
            out.dataId = toQString(s);
            hasDataId = ok;
        } else if (field.key == "userTags") {
            ok = readTagUpdate(field.value, out.userTags);
        } else if (field.key == "technicalTags") {
            ok = readTagUpdate(field.value, out.technicalTags);
        } else if (field.key == "willBeArchivedAt") {
            ok = readDateTime(field.value, out.willBeArchivedAt);
        } else if (field.key == "willBeDeletedAt") {
            ok = readDateTime(field.value, out.willBeDeletedAt);
        }
        if (!ok)
            return false;
    }
    return hasDataId;
}

bool readProcessing(dom::element value, BatchItem &out) {
    dom::object object;
    if (value.get_object().get(object) != SUCCESS)
        return false;
    bool hasStatus = false;
    for (dom::key_value_pair field : object) {
        if (field.key == "status") {
            std::string_view s;
            if (field.value.get_string().get(s) != SUCCESS)
                return false;
            out.status = ItemStatus::fromString(toQString(s));
            hasStatus = true;
        } else if (field.key == "additionalStatusInformation") {
            if (!readString(field.value, out.additionalStatusInformation))
                return false;
        }
    }
    return hasStatus;
}

bool readItem(dom::element value, BatchItem &out) {
    dom::object object;
    if (value.get_object().get(object) != SUCCESS)
        return false;
    bool hasId = false, hasRequest = false, hasProcessing = false;
    for (dom::key_value_pair field : object) {
        if (field.key == "id") {
            std::string_view s;
            if (field.value.get_string().get(s) != SUCCESS)
                return false;
            out.id = toQString(s);
            hasId = true;
        } else if (field.key == "request") {
            if (!readRequest(field.value, out.request))
                return false;
            hasRequest = true;
        } else if (field.key == "processing") {
            if (!readProcessing(field.value, out))
                return false;
            hasProcessing = true;
        }
    }
    return hasId && hasRequest && hasProcessing;
}

// A count from 0 to JsonLimits::MaxCount, as DecodeContext::optionalCount() reads it.
bool readOptionalCount(dom::element value, std::optional<qint64> &out) {
    if (value.is_null())
        return true;
    int64_t n = 0;
    if (value.get_int64().get(n) != SUCCESS || n < 0 || n > JsonLimits::MaxCount)
        return false;
    out = n;
    return true;
}

bool readPage(dom::element doc, BatchItemPage &page) {
    dom::object object;
    if (doc.get_object().get(object) != SUCCESS)
        return false;
    bool hasItems = false;
    for (dom::key_value_pair field : object) {
        if (field.key == "items") {
            dom::array array;
            if (field.value.get_array().get(array) != SUCCESS)
                return false;
            page.items.reserve(qsizetype(array.size()));
            for (dom::element element : array) {
                BatchItem item;
                if (!readItem(element, item))
                    return false;
                page.items.append(std::move(item));
            }
            hasItems = true;
        } else if (field.key == "nextPageToken") {
            if (!readString(field.value, page.info.nextPageToken))
                return false;
        } else if (field.key == "remainingRecords") {
            if (!readOptionalCount(field.value, page.info.remainingRecords))
                return false;
        } else if (field.key == "totalItemCount") {
            if (!readOptionalCount(field.value, page.info.totalItemCount))
                return false;
        }
    }
    return hasItems;
}

} // namespace

std::optional<BatchItemPage> decodeBatchItemPageFast(const QByteArray &body) {
    // The same parser (same depth limit) and the same checks as parseJsonObject(),
    // so this path refuses every body the slow one refuses. parse() copies into its
    // own padded buffer: the QByteArray needs no padding.
    const std::string_view text = jsonlint::text(body);
    dom::element doc;
    if (jsonlint::parser().parse(text.data(), text.size()).get(doc) != SUCCESS)
        return std::nullopt;
    bool zeroDouble = false;
    if (jsonlint::check(doc, &zeroDouble) || zeroDouble)
        return std::nullopt;
    BatchItemPage page;
    if (!readPage(doc, page))
        return std::nullopt;
    return page;
}

Decoded<BatchItemPage> decodeBatchItemPage(const QByteArray &body) {
    if (std::optional<BatchItemPage> page = decodeBatchItemPageFast(body)) {
        Decoded<BatchItemPage> result;
        result.value = std::move(*page);
        return result;
    }
    return decodeJson<BatchItemPage>(body);
}

} // namespace ica
