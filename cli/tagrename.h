#pragma once

#include "cli/command.h"

#include "core/data/tagrename.h"

#include <chrono>
#include <memory>

namespace ica::cli {

/// `tags rename`: finds every item (of the project, or of a folder and its
/// subfolders) carrying a tag, with the server's EXACT tag filter read by cursor to
/// the end, and creates the batch(es) that remove the tag and add the new one (split
/// at 5,000 IDs, one create after another, as `batch create --split`). Merging into a
/// tag that exists is the same command. --dry-run prints the items with their tags
/// now and after, and sends nothing; --wait then waits for each batch to end.
class TagRenameCommand final : public Command {
    Q_OBJECT
public:
    TagRenameCommand(QString projectId, ica::TagRenameSpec spec, bool dryRun, bool wait,
                     std::chrono::milliseconds interval);

    void start() override;

private:
    void onFound(const ica::TagRenamePlan &plan);
    void printPlan(const ica::TagRenamePlan &plan);

    QString m_projectId;
    ica::TagRenameSpec m_spec;
    bool m_dryRun;
    bool m_wait;
    std::chrono::milliseconds m_interval;
    std::unique_ptr<Command> m_child; ///< creates (and waits)
};

} // namespace ica::cli
