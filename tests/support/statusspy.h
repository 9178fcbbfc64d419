#pragma once

#include "core/diagnostics/statusnotices.h"

#include <QSignalSpy>
#include <QStringList>

namespace ica::test {

namespace detail {
/// Made before the spy (a base listed first), so the spy has something to watch.
struct InstalledNotices {
    ica::StatusNotices notices;
    ica::StatusNotices::Installer installed{&notices};
};
} // namespace detail

/// Installs a StatusNotices for its lifetime and records every text posted to it (a
/// QSignalSpy on posted(): spy.last().first().toString() is the last text). Installs
/// nest: a StatusSpy made later hears the posts until it goes.
class StatusSpy final : private detail::InstalledNotices, public QSignalSpy {
public:
    StatusSpy()
        : QSignalSpy(&notices, &ica::StatusNotices::posted) {}

    /// Every text posted so far, in order.
    [[nodiscard]] QStringList texts() const {
        QStringList said;
        for (const QList<QVariant> &args : *this)
            said.append(args.first().toString());
        return said;
    }
};

} // namespace ica::test
