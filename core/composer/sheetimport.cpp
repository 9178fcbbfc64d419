#include "core/composer/sheetimport.h"

#include "core/composer/idlistparser.h"
#include "core/data/pathresolver.h"
#include "core/rows/offthread.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QTimeZone>

#include <algorithm>

namespace ica {

namespace {

using Role = SheetMapping::Role;

/// Lower case without spaces, '-', '_' and '.': "Add User-Tags" -> "addusertags".
QString squeezed(const QString &name) {
    QString out;
    out.reserve(name.size());
    for (const QChar c : name)
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    return out;
}

/// The role a header name suggests, or -1.
int roleForHeader(const QString &header) {
    const QString h = squeezed(header);
    if (h.isEmpty())
        return -1;
    if (h == QLatin1String("id") || h == QLatin1String("dataid") || h == QLatin1String("fileid") ||
        h == QLatin1String("ids") || h == QLatin1String("dataids"))
        return int(Role::DataId);
    if (h == QLatin1String("path") || h == QLatin1String("filepath") ||
        h == QLatin1String("datapath") || h == QLatin1String("projectpath") ||
        h == QLatin1String("paths"))
        return int(Role::Path);
    const bool user = h.contains(QLatin1String("user"));
    const bool technical = h.contains(QLatin1String("tech"));
    const bool tag = h.contains(QLatin1String("tag"));
    const bool remove = h.contains(QLatin1String("remove")) ||
                        h.contains(QLatin1String("delete")) || h.contains(QLatin1String("drop"));
    if (tag && (user || technical)) {
        if (technical)
            return int(remove ? Role::RemoveTechnicalTags : Role::AddTechnicalTags);
        return int(remove ? Role::RemoveUserTags : Role::AddUserTags);
    }
    if (h.contains(QLatin1String("archive")))
        return int(Role::ArchiveDate);
    if (h.contains(QLatin1String("delete")) && !tag)
        return int(Role::DeleteDate);
    if (tag) // a plain "tags" column: user tags to add
        return int(remove ? Role::RemoveUserTags : Role::AddUserTags);
    return -1;
}

QString cell(const QStringList &row, int column) {
    return column >= 0 && column < row.size() ? row.at(column).trimmed() : QString();
}

bool rowIsBlank(const QStringList &row) {
    return std::all_of(row.cbegin(), row.cend(),
                       [](const QString &c) { return c.trimmed().isEmpty(); });
}

/// The group key of a change set: every part in a fixed order, tags sorted.
QString changeKey(const DataUpdateGroup &g) {
    const auto sorted = [](QStringList list) {
        list.sort();
        return list.join(QChar(0x1f));
    };
    const QChar sep(0x1e);
    return sorted(g.userTags.addTags) + sep + sorted(g.userTags.removeTags) + sep +
           sorted(g.technicalTags.addTags) + sep + sorted(g.technicalTags.removeTags) + sep +
           g.willBeArchivedAt.toString(Qt::ISODateWithMs) + sep +
           g.willBeDeletedAt.toString(Qt::ISODateWithMs);
}

/// The tags of both cells of a kind; false with `reason` when one is in both.
bool readTags(const QStringList &row, int addColumn, int removeColumn, const QString &kind,
              TagUpdate *out, QString *reason) {
    out->addTags = SheetImport::splitTags(cell(row, addColumn));
    out->removeTags = SheetImport::splitTags(cell(row, removeColumn));
    for (const QString &tag : std::as_const(out->addTags)) {
        if (out->removeTags.contains(tag)) {
            *reason = QObject::tr("the %1 tag \"%2\" is both added and removed").arg(kind, tag);
            return false;
        }
    }
    return true;
}

bool readDate(const QStringList &row, int column, const QString &what, QDateTime *out,
              QString *reason) {
    const QString text = cell(row, column);
    if (text.isEmpty())
        return true;
    *out = SheetImport::parseDate(text);
    if (!out->isValid()) {
        *reason = QObject::tr("the %1 \"%2\" is not a date (use e.g. 2027-01-31 or "
                              "2027-01-31T08:30:00Z)")
                      .arg(what, text);
        return false;
    }
    return true;
}

} // namespace

QString SheetMapping::roleName(Role role) {
    switch (role) {
    case Role::DataId:
        return QObject::tr("data ID");
    case Role::Path:
        return QObject::tr("path");
    case Role::AddUserTags:
        return QObject::tr("add user tags");
    case Role::RemoveUserTags:
        return QObject::tr("remove user tags");
    case Role::AddTechnicalTags:
        return QObject::tr("add technical tags");
    case Role::RemoveTechnicalTags:
        return QObject::tr("remove technical tags");
    case Role::ArchiveDate:
        return QObject::tr("archive date");
    case Role::DeleteDate:
        return QObject::tr("delete date");
    }
    return {};
}

QString SheetMapping::problem() const {
    const bool id = column(Role::DataId) >= 0;
    const bool path = column(Role::Path) >= 0;
    if (id == path)
        return id ? QObject::tr("Choose either an ID column or a path column, not both.")
                  : QObject::tr("Choose the column that holds the data IDs or the paths.");
    bool anyChange = false;
    for (int r = int(Role::AddUserTags); r < RoleCount; ++r)
        anyChange = anyChange || columns[r] >= 0;
    if (!anyChange)
        return QObject::tr("Choose at least one column of changes (tags to add or remove, an "
                           "archive or delete date).");
    for (int a = 0; a < RoleCount; ++a)
        for (int b = a + 1; b < RoleCount; ++b)
            if (columns[a] >= 0 && columns[a] == columns[b])
                return QObject::tr("Column %1 is chosen both for %2 and for %3: choose one role "
                                   "per column.")
                    .arg(columns[a] + 1)
                    .arg(roleName(Role(a)), roleName(Role(b)));
    return {};
}

SheetMapping SheetMapping::guess(const DelimitedTable &table) {
    SheetMapping m;
    if (table.rows.isEmpty())
        return m;
    const QStringList &first = table.rows.first();
    int named = 0;
    for (int c = 0; c < first.size(); ++c) {
        const int role = roleForHeader(first.at(c));
        if (role >= 0 && m.columns[role] < 0) {
            m.columns[role] = c;
            ++named;
        }
    }
    // A first row naming columns holds no ID and no path of its own.
    const bool dataInFirst = std::any_of(first.cbegin(), first.cend(), [](const QString &c) {
        const QString t = c.trimmed();
        return IdListParser::isWellFormed(t) || PathResolver::looksLikePath(t);
    });
    m.hasHeader = named > 0 || (!dataInFirst && table.rows.size() > 1);
    if (m.column(Role::DataId) < 0 && m.column(Role::Path) < 0) {
        // No telling header: the column whose cells below read as IDs, else as paths.
        const int start = m.hasHeader ? 1 : 0;
        const int sample = int(qMin<qsizetype>(table.rows.size(), 200));
        QList<int> ids(table.columnCount());
        QList<int> paths(table.columnCount());
        for (int r = start; r < sample; ++r)
            for (int c = 0; c < table.rows.at(r).size(); ++c) {
                const QString t = table.rows.at(r).at(c).trimmed();
                ids[c] += IdListParser::isWellFormed(t) ? 1 : 0;
                paths[c] += PathResolver::looksLikePath(t) ? 1 : 0;
            }
        const auto best = [](const QList<int> &counts) {
            const auto it = std::max_element(counts.cbegin(), counts.cend());
            return it == counts.cend() || *it == 0 ? -1 : int(it - counts.cbegin());
        };
        const int idColumn = best(ids);
        const int pathColumn = best(paths);
        if (idColumn >= 0 && (pathColumn < 0 || ids.at(idColumn) >= paths.at(pathColumn)))
            m.setColumn(Role::DataId, idColumn);
        else if (pathColumn >= 0)
            m.setColumn(Role::Path, pathColumn);
    }
    return m;
}

int SheetMapping::findColumn(const QStringList &headerNames, const QString &spec) {
    const QString wanted = spec.trimmed();
    if (wanted.isEmpty())
        return -1;
    for (int c = 0; c < headerNames.size(); ++c)
        if (headerNames.at(c).trimmed().compare(wanted, Qt::CaseInsensitive) == 0)
            return c;
    bool isNumber = false;
    const int number = wanted.toInt(&isNumber);
    if (isNumber && number >= 1)
        return number - 1;
    return -1;
}

int SheetPlan::goodRows() const {
    int n = 0;
    for (const QList<int> &lines : groupLines)
        n += int(lines.size());
    return n;
}

CreateBatchRequest SheetPlan::request() const {
    CreateBatchRequest r;
    r.dataUpdateGroups = groups;
    return r;
}

QString SheetPlan::summary() const {
    const auto count = [](qsizetype n, const char *one, const char *many) {
        return QStringLiteral("%1 %2").arg(n).arg(QObject::tr(n == 1 ? one : many));
    };
    QStringList sizes;
    for (const QList<int> &lines : groupLines)
        sizes.append(QString::number(lines.size()));
    QString text = count(dataRows, "row", "rows") + QStringLiteral(": ") +
                   count(groups.size(), "group", "groups");
    if (!sizes.isEmpty())
        text += QObject::tr(" of %1 rows").arg(sizes.join(QStringLiteral(", ")));
    if (!badRows.isEmpty())
        text += QStringLiteral("; ") + count(badRows.size(), "bad row", "bad rows") +
                QObject::tr(" left out");
    if (duplicateRows > 0)
        text += QStringLiteral("; ") + count(duplicateRows, "repeated row", "repeated rows") +
                QObject::tr(" merged");
    return text;
}

QStringList SheetImport::splitTags(const QString &cell) {
    static const QRegularExpression separators(QStringLiteral("[;|]"));
    QStringList out;
    for (const QString &part : cell.split(separators)) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty() && !out.contains(tag))
            out.append(tag);
    }
    return out;
}

QDateTime SheetImport::parseDate(const QString &text) {
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    if (!t.contains(QLatin1Char('T'))) {
        const QDate date = QDate::fromString(t, Qt::ISODate);
        return date.isValid() ? QDateTime(date, QTime(0, 0), QTimeZone::utc()) : QDateTime();
    }
    // Qt reads a time without zone as local time; ICA means UTC.
    static const QRegularExpression hasZone(QStringLiteral("(Z|[+-]\\d\\d(:?\\d\\d)?)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    QDateTime value = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!value.isValid())
        return {};
    if (!hasZone.match(t).hasMatch())
        value = QDateTime(value.date(), value.time(), QTimeZone::utc());
    return value.toUTC();
}

SheetPlan SheetImport::build(const DelimitedTable &table, const SheetMapping &mapping) {
    SheetPlan plan;
    if (!table.ok()) {
        plan.error = table.error;
        return plan;
    }
    if (const QString problem = mapping.problem(); !problem.isEmpty()) {
        plan.error = problem;
        return plan;
    }
    const bool byPath = mapping.byPath();
    const int keyColumn = byPath ? mapping.column(Role::Path) : mapping.column(Role::DataId);
    QHash<QString, int> groupOfKey;
    QList<QSet<QString>> seen; // per group: IDs or normalized paths (lower case)
    for (qsizetype r = mapping.hasHeader ? 1 : 0; r < table.rows.size(); ++r) {
        const QStringList &row = table.rows.at(r);
        if (rowIsBlank(row))
            continue;
        ++plan.dataRows;
        const int line = int(r + 1);
        const auto bad = [&](const QString &reason) { plan.badRows.append({line, reason}); };
        const QString key = cell(row, keyColumn);
        QString normalized;
        if (key.isEmpty()) {
            bad(byPath ? QObject::tr("no path") : QObject::tr("no data ID"));
            continue;
        }
        if (byPath) {
            normalized =
                PathResolver::looksLikePath(key) ? PathResolver::normalizedPath(key) : QString();
            if (normalized.isEmpty()) {
                bad(QObject::tr("\"%1\" is not a project path (it must start with '/', e.g. "
                                "/runs/x/sample.bam)")
                        .arg(key));
                continue;
            }
        } else if (!IdListParser::isWellFormed(key)) {
            bad(QObject::tr("\"%1\" is not a data ID (fil. or fol. and 32 hex digits)").arg(key));
            continue;
        }
        DataUpdateGroup changes;
        QString reason;
        if (!readTags(row, mapping.column(Role::AddUserTags), mapping.column(Role::RemoveUserTags),
                      QObject::tr("user"), &changes.userTags, &reason) ||
            !readTags(row, mapping.column(Role::AddTechnicalTags),
                      mapping.column(Role::RemoveTechnicalTags), QObject::tr("technical"),
                      &changes.technicalTags, &reason) ||
            !readDate(row, mapping.column(Role::ArchiveDate), QObject::tr("archive date"),
                      &changes.willBeArchivedAt, &reason) ||
            !readDate(row, mapping.column(Role::DeleteDate), QObject::tr("delete date"),
                      &changes.willBeDeletedAt, &reason)) {
            bad(reason);
            continue;
        }
        if (changes.changesNothing()) {
            bad(QObject::tr("no change: the row adds or removes no tag and sets no date"));
            continue;
        }
        const bool dated = changes.willBeArchivedAt.isValid() || changes.willBeDeletedAt.isValid();
        if (!byPath && dated && IdListParser::isFolderId(key)) {
            bad(QObject::tr("%1 is a folder: ICA sets archive and delete dates on files only")
                    .arg(key));
            continue;
        }
        const QString groupKey = changeKey(changes);
        int g = groupOfKey.value(groupKey, -1);
        if (g < 0) {
            g = int(plan.groups.size());
            groupOfKey.insert(groupKey, g);
            plan.groups.append(changes);
            plan.groupPaths.append(QStringList());
            plan.groupLines.append(QList<int>());
            seen.append(QSet<QString>());
        }
        const QString identity = byPath ? normalized.toLower() : key.toLower();
        if (seen[g].contains(identity)) {
            ++plan.duplicateRows;
            continue;
        }
        seen[g].insert(identity);
        if (byPath)
            plan.groupPaths[g].append(key);
        else
            plan.groups[g].dataIds.append(key);
        plan.groupLines[g].append(line);
    }
    return plan;
}

DelimitedTable SheetImport::readFile(const QString &path, QChar delimiter) {
    if (delimiter.isNull())
        return DelimitedFileReader::readFile(path);
    QFile file(path);
    DelimitedTable table;
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly)) {
        table.error = QObject::tr("%1 could not be opened (%2). Check that it exists and that you "
                                  "may read it.")
                          .arg(name, file.errorString());
        return table;
    }
    if (file.size() > DelimitedFileReader::MaxFileBytes) {
        table.error = QObject::tr("%1 is larger than %2 MB: split it into smaller files.")
                          .arg(name)
                          .arg(DelimitedFileReader::MaxFileBytes / (1024 * 1024));
        return table;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(file.readAll());
    if (decoder.hasError()) {
        table.error =
            QObject::tr("%1 is not UTF-8 text. Save it as UTF-8 and import it again.").arg(name);
        return table;
    }
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    table.delimiter = delimiter;
    table.rows = DelimitedFileReader::parse(text, delimiter);
    table.truncated = table.rows.size() >= DelimitedFileReader::MaxRows;
    table.hasHeader = DelimitedFileReader::detectHeader(table.rows);
    return table;
}

void SheetImport::buildAsync(const DelimitedTable &table, const SheetMapping &mapping,
                             QObject *context, std::function<void(const SheetPlan &)> done) {
    runOffThread(
        context, [table, mapping]() { return build(table, mapping); }, std::move(done));
}

void SheetImport::resolvePaths(ApiClient *client, const QString &projectId, SheetPlan *plan,
                               QObject *context, Resolved done) {
    QStringList paths;
    for (const QStringList &group : std::as_const(plan->groupPaths))
        paths.append(group);
    if (paths.isEmpty()) {
        QMetaObject::invokeMethod(
            context, [done]() { done(true, {}); }, Qt::QueuedConnection);
        return;
    }
    auto *resolver = new PathResolver(client, context);
    QObject::connect(resolver, &PathResolver::finished, context, [resolver, plan, done](bool ok) {
        resolver->deleteLater();
        if (!ok) {
            done(false, resolver->error().toString());
            return;
        }
        QHash<QString, QString> idOf; // normalized lower-case path -> data ID
        QSet<QString> folders;        // data IDs of folders
        for (const ResolvedPath &r : resolver->resolved()) {
            idOf.insert(PathResolver::normalizedPath(r.input).toLower(), r.data.id);
            if (r.data.isFolder())
                folders.insert(r.data.id);
        }
        QHash<QString, QString> whyNot;
        for (const UnresolvedPath &u : resolver->unresolved())
            whyNot.insert(PathResolver::normalizedPath(u.input).toLower(), u.reason);
        SheetPlan out = *plan;
        out.groups.clear();
        out.groupPaths.clear();
        out.groupLines.clear();
        for (qsizetype g = 0; g < plan->groups.size(); ++g) {
            DataUpdateGroup group = plan->groups.at(g);
            group.dataIds.clear();
            QStringList keptPaths;
            QList<int> keptLines;
            QSet<QString> ids;
            for (qsizetype i = 0; i < plan->groupPaths.at(g).size(); ++i) {
                const QString &path = plan->groupPaths.at(g).at(i);
                const int line = plan->groupLines.at(g).at(i);
                const QString key = PathResolver::normalizedPath(path).toLower();
                const QString id = idOf.value(key);
                if (id.isEmpty()) {
                    const QString reason = whyNot.value(key);
                    out.badRows.append(
                        {line,
                         reason.isEmpty()
                             ? QObject::tr("the path %1 was not found in the project").arg(path)
                             : reason});
                    continue;
                }
                const bool dated =
                    group.willBeArchivedAt.isValid() || group.willBeDeletedAt.isValid();
                if (dated && folders.contains(id)) {
                    out.badRows.append({line, QObject::tr("%1 is a folder: ICA sets archive and "
                                                          "delete dates on files only")
                                                  .arg(path)});
                    continue;
                }
                if (ids.contains(id)) {
                    ++out.duplicateRows;
                    continue;
                }
                ids.insert(id);
                group.dataIds.append(id);
                keptPaths.append(path);
                keptLines.append(line);
            }
            if (group.dataIds.isEmpty())
                continue;
            out.groups.append(group);
            out.groupPaths.append(keptPaths);
            out.groupLines.append(keptLines);
        }
        std::sort(out.badRows.begin(), out.badRows.end(),
                  [](const SheetBadRow &a, const SheetBadRow &b) { return a.line < b.line; });
        *plan = out;
        done(true, {});
    });
    resolver->resolve(projectId, paths);
}

} // namespace ica
