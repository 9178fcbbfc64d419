#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace ica::sim {

/// Decoded query parameters in arrival order. '+' decodes to a space, like the form
/// encoding a Spring server accepts; repeated names are kept.
class QueryParams {
public:
    /// Parses an encoded query string ("a=1&b=x%20y").
    static QueryParams parse(const QByteArray &encodedQuery);

    bool has(const QString &name) const;
    /// The first value of name; an empty string if absent.
    QString value(const QString &name) const;
    QStringList values(const QString &name) const;
    /// All values of a list parameter: repeated and/or comma-separated, trimmed, no empties.
    QStringList listValues(const QString &name) const;
    const QList<QPair<QString, QString>> &items() const { return m_items; }

    /// Canonical form (sorted name=value pairs) minus the excluded names: identifies a query
    /// independently of parameter order, for page tokens.
    QByteArray canonical(const QStringList &excludedNames) const;

private:
    QList<QPair<QString, QString>> m_items;
};

} // namespace ica::sim
