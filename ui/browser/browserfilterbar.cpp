#include "ui/browser/browserfilterbar.h"

#include "core/browser/browserformat.h"
#include "core/data/tagcatalog.h"
#include "ui/browser/taglistcompleter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

#include <vector>

namespace ica::ui {

namespace {

/// "a, b ,, c" -> {"a", "b", "c"} (DataFilter cleans the rest).
QStringList commaList(const QLineEdit *edit) {
    return edit->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
}

void selectData(QComboBox *combo, int value) {
    const int index = combo->findData(value);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

MatchMode matchOf(const QComboBox *combo) {
    return MatchMode(combo->currentData().toInt());
}

} // namespace

BrowserFilterBar::BrowserFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_name(new QLineEdit(this))
    , m_type(new QComboBox(this))
    , m_status(new QToolButton(this))
    , m_statusMenu(new QMenu(this))
    , m_format(new QLineEdit(this))
    , m_userTags(new QLineEdit(this))
    , m_technicalTags(new QLineEdit(this))
    , m_recursive(new QCheckBox(tr("Search &subfolders"), this))
    , m_clear(new QToolButton(this)) {
    m_nameMatch =
        matchCombo(QStringLiteral("nameMatch"), {{tr("Name contains"), MatchMode::Fuzzy},
                                                 {tr("Name is exactly"), MatchMode::Exact}});
    const QList<QPair<QString, MatchMode>> tagChoices{{tr("has tag"), MatchMode::Exact},
                                                      {tr("tag contains"), MatchMode::Fuzzy},
                                                      {tr("does not have"), MatchMode::Exclude}};
    m_userTagMatch = matchCombo(QStringLiteral("userTagMatch"), tagChoices);
    m_technicalTagMatch = matchCombo(QStringLiteral("technicalTagMatch"), tagChoices);

    const auto setUpEdit = [this](QLineEdit *edit, const QString &name, const QString &placeholder,
                                  const QString &toolTip) {
        edit->setObjectName(name);
        edit->setPlaceholderText(placeholder);
        edit->setToolTip(toolTip);
        edit->setClearButtonEnabled(true);
        connect(edit, &QLineEdit::returnPressed, this, &BrowserFilterBar::apply);
    };
    setUpEdit(m_name, QStringLiteral("nameFilter"), tr("File or folder name"),
              tr("Filter by name; press Enter to apply. \"Contains\" ignores case."));
    setUpEdit(m_format, QStringLiteral("formatFilter"), tr("Formats, e.g. BAM, FASTQ"),
              tr("Format codes, separated by commas; press Enter to apply."));
    setUpEdit(m_userTags, QStringLiteral("userTagFilter"), tr("User tags"),
              tr("User tags, separated by commas (any of them matches); press Enter to apply. "
                 "Tags are case-sensitive."));
    setUpEdit(m_technicalTags, QStringLiteral("technicalTagFilter"), tr("Technical tags"),
              tr("Technical tags, separated by commas (any of them matches); press Enter to "
                 "apply. Tags are case-sensitive."));

    m_type->setObjectName(QStringLiteral("typeFilter"));
    m_type->addItem(tr("Files and folders"), int(DataQuery::Type::Any));
    m_type->addItem(tr("Files"), int(DataQuery::Type::File));
    m_type->addItem(tr("Folders"), int(DataQuery::Type::Folder));
    connect(m_type, &QComboBox::currentIndexChanged, this, &BrowserFilterBar::apply);

    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->setPopupMode(QToolButton::InstantPopup);
    m_status->setMenu(m_statusMenu);
    m_status->setToolTip(tr("Show only data with these statuses (none chosen: every status)"));
    for (const QString &status : DataFilter::knownStatuses()) {
        QAction *action = m_statusMenu->addAction(browserformat::statusLabel(status));
        action->setObjectName(QStringLiteral("status_") + status);
        action->setCheckable(true);
        action->setData(status);
        connect(action, &QAction::toggled, this, [this]() {
            updateStatusButton();
            apply();
        });
        m_statusActions.insert(status, action);
    }
    updateStatusButton();

    m_recursive->setObjectName(QStringLiteral("recursiveCheck"));
    m_recursive->setToolTip(tr("Search every folder below this one too (only while a name, tag, "
                               "status or format is set)"));
    connect(m_recursive, &QCheckBox::toggled, this, &BrowserFilterBar::apply);
    m_clear->setObjectName(QStringLiteral("clearFilterButton"));
    m_clear->setText(tr("Clear filter"));
    m_clear->setToolTip(tr("Show everything in the folder again"));
    connect(m_clear, &QToolButton::clicked, this, &BrowserFilterBar::clearAll);

    auto *first = new QHBoxLayout;
    first->addWidget(m_nameMatch);
    first->addWidget(m_name, 2);
    first->addWidget(m_type);
    first->addWidget(m_status);
    first->addWidget(m_format, 1);
    auto *second = new QHBoxLayout;
    second->addWidget(new QLabel(tr("User:"), this));
    second->addWidget(m_userTagMatch);
    second->addWidget(m_userTags, 1);
    second->addWidget(new QLabel(tr("Technical:"), this));
    second->addWidget(m_technicalTagMatch);
    second->addWidget(m_technicalTags, 1);
    second->addWidget(m_recursive);
    second->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(first);
    layout->addLayout(second);
}

QComboBox *BrowserFilterBar::matchCombo(const QString &objectName,
                                        const QList<QPair<QString, MatchMode>> &choices) {
    auto *combo = new QComboBox(this);
    combo->setObjectName(objectName);
    for (const auto &[label, mode] : choices)
        combo->addItem(label, int(mode));
    connect(combo, &QComboBox::currentIndexChanged, this, &BrowserFilterBar::apply);
    return combo;
}

DataFilter BrowserFilterBar::filter() const {
    DataFilter f;
    f.setName(m_name->text());
    f.setNameMatch(matchOf(m_nameMatch));
    f.setType(DataQuery::Type(m_type->currentData().toInt()));
    QStringList statuses;
    for (const QString &status : DataFilter::knownStatuses()) {
        if (m_statusActions.value(status)->isChecked())
            statuses.append(status);
    }
    f.setStatuses(statuses);
    f.setFormatCodes(commaList(m_format));
    f.setUserTags(commaList(m_userTags));
    f.setUserTagMatch(matchOf(m_userTagMatch));
    f.setTechnicalTags(commaList(m_technicalTags));
    f.setTechnicalTagMatch(matchOf(m_technicalTagMatch));
    f.setRecursive(m_recursive->isChecked());
    return f;
}

void BrowserFilterBar::setFilter(const DataFilter &filter) {
    // Showing a filter is not editing it: nothing may emit on the way.
    const QList<QObject *> fields{m_name,          m_nameMatch,         m_type,
                                  m_format,        m_userTags,          m_userTagMatch,
                                  m_technicalTags, m_technicalTagMatch, m_recursive};
    std::vector<QSignalBlocker> blockers;
    blockers.reserve(fields.size() + m_statusActions.size());
    for (QObject *field : fields)
        blockers.emplace_back(field);
    for (QAction *action : std::as_const(m_statusActions))
        blockers.emplace_back(action);
    m_name->setText(filter.name());
    selectData(m_nameMatch, int(filter.nameMatch()));
    selectData(m_type, int(filter.type()));
    // Statuses ICA does not know cannot be shown as a choice; they stay out.
    for (auto it = m_statusActions.cbegin(); it != m_statusActions.cend(); ++it)
        it.value()->setChecked(filter.statuses().contains(it.key()));
    m_format->setText(filter.formatCodes().join(QStringLiteral(", ")));
    m_userTags->setText(filter.userTags().join(QStringLiteral(", ")));
    selectData(m_userTagMatch, int(filter.userTagMatch()));
    m_technicalTags->setText(filter.technicalTags().join(QStringLiteral(", ")));
    selectData(m_technicalTagMatch, int(filter.technicalTagMatch()));
    m_recursive->setChecked(filter.recursive());
    updateStatusButton();
}

void BrowserFilterBar::setTagCatalog(TagCatalog *catalog) {
    if (catalog == m_catalog)
        return;
    m_catalog = catalog;
    // QLineEdit deletes a completer it is the parent of when it gets another one.
    const auto install = [catalog](QLineEdit *edit, TagKind kind) {
        edit->setCompleter(catalog ? new TagListCompleter(catalog, kind, edit) : nullptr);
    };
    install(m_userTags, TagKind::User);
    install(m_technicalTags, TagKind::Technical);
}

void BrowserFilterBar::apply() {
    Q_EMIT filterEdited(filter());
}

void BrowserFilterBar::clearAll() {
    DataFilter cleared = filter();
    cleared.clear();
    setFilter(cleared);
    apply();
}

void BrowserFilterBar::updateStatusButton() {
    QStringList chosen;
    for (const QString &status : DataFilter::knownStatuses()) {
        if (m_statusActions.value(status)->isChecked())
            chosen.append(browserformat::statusLabel(status));
    }
    m_status->setText(chosen.isEmpty() ? tr("Any status")
                                       : tr("Status: %1").arg(chosen.join(QStringLiteral(", "))));
}

} // namespace ica::ui
