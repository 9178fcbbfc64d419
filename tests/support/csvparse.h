#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace ica::test {

/// RFC 4180 parsing (quoted fields with "" and line breaks), written independently of
/// the writers the tests check, so that a test can catch their quoting.
/// Loose, without `error`: a record ends at CRLF, LF or CR, and the last one may lack
/// its end. Strict, with `error`: records end only at CRLF, and text that does not end
/// with a complete record sets *error.
QList<QStringList> parseCsv(const QString &text, QString *error = nullptr);

} // namespace ica::test
