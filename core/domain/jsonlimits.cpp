#include "core/domain/jsonlimits.h"
#include "core/domain/jsonlint.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>
#include <vector>

namespace ica {

namespace {

using namespace simdjson;

// A path segment: an object key or an array index. Paths are only formatted when
// something is wrong, so the walk itself allocates nothing per value.
struct Segment {
    std::string_view key;
    size_t index = 0;
    bool isKey = true;
};

// Keys in a message are cut short: a hostile key may be 256 KiB long.
QString shortKey(std::string_view key) {
    constexpr size_t shown = 64;
    QString text = QString::fromUtf8(key.data(), qsizetype(std::min(key.size(), shown)));
    if (key.size() > shown)
        text += QStringLiteral("...");
    return text;
}

QString formatPath(const std::vector<Segment> &segments) {
    QString path;
    for (const Segment &s : segments) {
        if (!s.isKey) {
            path += QLatin1Char('[') + QString::number(s.index) + QLatin1Char(']');
            continue;
        }
        if (!path.isEmpty())
            path += QLatin1Char('.');
        path += shortKey(s.key);
    }
    return path;
}

std::optional<QString> stringProblem(std::string_view s) {
    if (qsizetype(s.size()) > JsonLimits::MaxStringBytes)
        return QCoreApplication::translate(
                   "ica::JsonLimits", "a string of %1 bytes is longer than the limit of %2 bytes")
            .arg(s.size())
            .arg(JsonLimits::MaxStringBytes);
    if (s.find('\0') != std::string_view::npos)
        return QCoreApplication::translate("ica::JsonLimits", "holds a NUL character (\\u0000)");
    return std::nullopt;
}

// Index of a key that appears a second time in `keys`, if any. Sorting keeps a
// hostile object of 100,000 keys at n log n; ICA's objects have a handful.
std::optional<size_t> duplicateKey(const std::vector<std::string_view> &keys) {
    if (keys.size() <= 8) {
        for (size_t i = 1; i < keys.size(); ++i)
            for (size_t j = 0; j < i; ++j)
                if (keys[i] == keys[j])
                    return i;
        return std::nullopt;
    }
    std::vector<size_t> order(keys.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return keys[a] < keys[b]; });
    std::optional<size_t> first;
    for (size_t i = 1; i < order.size(); ++i) {
        if (keys[order[i]] == keys[order[i - 1]] && (!first || order[i] < *first))
            first = order[i];
    }
    return first;
}

// Recursion is bounded: the parser refuses documents deeper than MaxDepth.
std::optional<JsonIssue> checkElement(dom::element value, std::vector<Segment> &path,
                                      bool &zeroDouble) {
    switch (value.type()) {
    case dom::element_type::DOUBLE:
        if (double(value) == 0.0)
            zeroDouble = true;
        return std::nullopt;
    case dom::element_type::STRING: {
        if (auto problem = stringProblem(std::string_view(value)))
            return JsonIssue{formatPath(path), *problem};
        return std::nullopt;
    }
    case dom::element_type::ARRAY: {
        size_t index = 0;
        for (dom::element element : dom::array(value)) {
            path.push_back(Segment{{}, index++, false});
            if (auto issue = checkElement(element, path, zeroDouble))
                return issue;
            path.pop_back();
        }
        return std::nullopt;
    }
    case dom::element_type::OBJECT: {
        const dom::object object(value);
        std::vector<std::string_view> keys;
        keys.reserve(object.size());
        for (dom::key_value_pair field : object)
            keys.push_back(field.key);
        if (auto repeated = duplicateKey(keys)) {
            path.push_back(Segment{keys[*repeated], 0, true});
            return JsonIssue{formatPath(path), QCoreApplication::translate(
                                                   "ica::JsonLimits",
                                                   "the key appears more than once in its object")};
        }
        for (dom::key_value_pair field : object) {
            path.push_back(Segment{field.key, 0, true});
            if (auto problem = stringProblem(field.key))
                return JsonIssue{
                    formatPath(path),
                    QCoreApplication::translate("ica::JsonLimits", "the key %1").arg(*problem)};
            if (auto issue = checkElement(field.value, path, zeroDouble))
                return issue;
            path.pop_back();
        }
        return std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

// simdjson says what is wrong but not where; QJsonDocument accepted the same body,
// so its tree is searched for the value simdjson refused to name its path.
std::optional<QString> findRefused(const QJsonValue &value, error_code error, QString &path,
                                   int depth) {
    if (depth > JsonLimits::MaxDepth)
        return std::nullopt;
    auto enter = [&](const QString &segment, const QJsonValue &child) -> std::optional<QString> {
        const qsizetype length = path.size();
        path += segment;
        auto found = findRefused(child, error, path, depth + 1);
        if (!found)
            path.truncate(length);
        return found;
    };
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            if (auto found =
                    enter(QLatin1Char('[') + QString::number(i) + QLatin1Char(']'), array.at(i)))
                return found;
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString segment = (path.isEmpty() ? QString() : QStringLiteral(".")) + it.key();
            if (error == STRING_ERROR && !QStringView(it.key()).isValidUtf16()) {
                // The path is shown to people: the surrogate becomes '?' on the way.
                path += QString::fromUtf8(segment.toUtf8());
                return QCoreApplication::translate("ica::JsonLimits",
                                                   "the key holds a lone UTF-16 surrogate escape");
            }
            if (auto found = enter(segment, it.value()))
                return found;
        }
    } else if (value.isDouble() && error == NUMBER_ERROR) {
        if (!(std::fabs(value.toDouble()) < 9.2e18))
            return QCoreApplication::translate(
                "ica::JsonLimits", "the number is out of range (it must fit in 64 bits)");
    } else if (value.isString() && error == STRING_ERROR) {
        if (!QStringView(value.toString()).isValidUtf16())
            return QCoreApplication::translate("ica::JsonLimits",
                                               "holds a lone UTF-16 surrogate escape");
    }
    return std::nullopt;
}

JsonIssue describeParseError(error_code error, const QJsonObject &qtView) {
    QString path;
    if (auto found = findRefused(qtView, error, path, 0))
        return JsonIssue{path, *found};
    switch (error) {
    case DEPTH_ERROR:
        return JsonIssue{QString(), QCoreApplication::translate(
                                        "ica::JsonLimits", "the body nests deeper than %1 levels")
                                        .arg(JsonLimits::MaxDepth)};
    case UTF8_ERROR:
        return JsonIssue{QString(), QCoreApplication::translate("ica::JsonLimits",
                                                                "the body is not valid UTF-8")};
    case UNESCAPED_CHARS:
        return JsonIssue{QString(),
                         QCoreApplication::translate(
                             "ica::JsonLimits", "a string holds an unescaped control character")};
    default:
        return JsonIssue{QString(), QCoreApplication::translate("ica::JsonLimits",
                                                                "the body is not valid JSON (%1)")
                                        .arg(QString::fromUtf8(error_message(error)))};
    }
}

} // namespace

namespace jsonlint {

dom::parser &parser() {
    thread_local dom::parser instance = [] {
        dom::parser p;
        // allocate() sets the depth limit; later parses grow the capacity but keep it.
        if (p.allocate(64 * 1024, JsonLimits::MaxDepth) != SUCCESS)
            qFatal("simdjson: out of memory");
        return p;
    }();
    return instance;
}

std::string_view text(const QByteArray &body) {
    std::string_view view(body.constData(), size_t(body.size()));
    if (view.substr(0, 3) == std::string_view("\xEF\xBB\xBF", 3))
        view.remove_prefix(3);
    return view;
}

std::optional<JsonIssue> check(dom::element root, bool *zeroDouble) {
    std::vector<Segment> path;
    bool sawZero = false;
    auto issue = checkElement(root, path, sawZero);
    if (zeroDouble)
        *zeroDouble = sawZero;
    return issue;
}

} // namespace jsonlint

bool parseJsonObject(const QByteArray &body, QJsonObject *object, JsonIssue *issue) {
    // QJsonDocument first: for malformed JSON it tells the byte offset, simdjson does not.
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *issue = JsonIssue{QString(),
                           QCoreApplication::translate("ica::JsonLimits",
                                                       "the body is not valid JSON (%1 at byte %2)")
                               .arg(parseError.errorString())
                               .arg(parseError.offset)};
        return false;
    }
    if (!doc.isObject()) {
        *issue = JsonIssue{
            QString(), QCoreApplication::translate("ica::JsonLimits", "expected a JSON object")};
        return false;
    }
    // Then simdjson, which sees what QJsonDocument lets through or hides: repeated
    // keys (it keeps the last), big integers (it rounds them to a double), lone
    // surrogate escapes, raw control characters. The fast decoder parses with the
    // same parser and checks, so both decoders refuse the same bodies.
    const std::string_view text = jsonlint::text(body);
    dom::element root;
    const error_code error = jsonlint::parser().parse(text.data(), text.size()).get(root);
    if (error != SUCCESS) {
        *issue = describeParseError(error, doc.object());
        return false;
    }
    if (auto found = jsonlint::check(root)) {
        *issue = *found;
        return false;
    }
    *object = doc.object();
    return true;
}

} // namespace ica
