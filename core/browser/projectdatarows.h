#pragma once

#include "core/domain/projectdata.h"

#include <QString>

namespace ica {

/// KeyedRows traits of the browser's table: ProjectData rows keyed by data ID.
/// changedColumns() is DataBrowserModel's (defined beside it).
struct ProjectDataTraits {
    using Row = ProjectData;
    using Key = QString;
    using Input = ProjectData;
    [[nodiscard]] Row make(const Input &data) const { return data; }
    [[nodiscard]] Key key(const Row &row) const { return row.id; }
    [[nodiscard]] bool same(const Row &a, const Row &b) const { return a == b; }
    [[nodiscard]] quint32 changedColumns(const Row &a, const Row &b) const;
};

} // namespace ica
