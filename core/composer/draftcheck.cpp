#include "core/composer/draftcheck.h"

#include "core/composer/batchsplitter.h"
#include "core/composer/draftpathresolution.h"
#include "core/composer/incrementalidlist.h"

#include <QObject>

namespace ica {

DraftCheck DraftCheck::run(const DraftDocument &resolved, const QList<ValidationIssue> &pathIssues,
                           quint64 generation, const DraftValidator::Options &options) {
    DraftCheck check;
    check.generation = generation;
    check.report =
        DraftPathResolution::merge(DraftValidator::validate(resolved, options), pathIssues);
    check.plan = SubmitPlan::of(resolved);
    check.dataIds = resolved.dataIdCount();
    check.batchesIfSplit = BatchSplitter::batchCount(resolved.toRequest());
    return check;
}

void DraftCheck::addLineHints(const QList<QStringList> &typedIds,
                              const QList<QList<int>> &typedLines) {
    constexpr int Shown = 10;
    lineHints.clear();
    for (const ValidationIssue &issue : std::as_const(report.issues)) {
        const bool namesIds =
            issue.code == IssueCode::MalformedId || issue.code == IssueCode::DuplicateId ||
            issue.code == IssueCode::IdTooLong || issue.code == IssueCode::IdInOtherGroup ||
            issue.code == IssueCode::DateOnFolder;
        const qsizetype g = issue.group;
        if (!namesIds || g < 0 || g >= typedIds.size() || g >= typedLines.size()) {
            lineHints.append(QString());
            continue;
        }
        lineHints.append(describeLines(
            IncrementalIdList::linesOf(issue.subjects, typedIds.at(g), typedLines.at(g), Shown + 1),
            Shown));
    }
}

QString DraftCheck::describeLines(const QList<int> &lines, int shown) {
    if (lines.isEmpty())
        return {};
    QStringList numbers;
    for (int i = 0; i < lines.size() && i < shown; ++i)
        numbers.append(QString::number(lines.at(i)));
    if (lines.size() > shown)
        numbers.append(QStringLiteral("…"));
    return (lines.size() == 1 ? QObject::tr("(line %1)") : QObject::tr("(lines %1)"))
        .arg(numbers.join(QStringLiteral(", ")));
}

} // namespace ica
