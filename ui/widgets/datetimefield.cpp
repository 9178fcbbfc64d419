#include "ui/widgets/datetimefield.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>

namespace ica::ui {

namespace {

/// A sensible first suggestion when a date is switched on: 30 days ahead, at midnight UTC.
QDateTime defaultDate() {
    const QDate day = QDateTime::currentDateTimeUtc().date().addDays(30);
    return QDateTime(day, QTime(0, 0), Qt::UTC);
}

} // namespace

DateTimeField::DateTimeField(const QString &setLabel, const QString &clearLabel, QWidget *parent)
    : QWidget(parent)
    , m_set(new QCheckBox(setLabel, this))
    , m_edit(new QDateTimeEdit(this))
    , m_clear(new QCheckBox(clearLabel, this)) {
    m_set->setObjectName(QStringLiteral("setCheck"));
    m_set->setToolTip(tr("Tick to set this date on every ID of the group (files only: folders "
                         "have no dates)."));
    m_edit->setObjectName(QStringLiteral("dateEdit"));
    m_edit->setTimeSpec(Qt::UTC);
    m_edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    m_edit->setCalendarPopup(true);
    m_edit->setDateTime(defaultDate());
    m_edit->setEnabled(false);
    m_edit->setToolTip(tr("The date and time in UTC."));
    m_clear->setObjectName(QStringLiteral("clearCheck"));
    m_clear->setToolTip(tr("Tick to remove the date the data has now."));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_set);
    layout->addWidget(m_edit);
    layout->addSpacing(12);
    layout->addWidget(m_clear);
    layout->addStretch(1);

    connect(m_set, &QCheckBox::toggled, this, &DateTimeField::onSetToggled);
    connect(m_edit, &QDateTimeEdit::dateTimeChanged, this, [this]() {
        if (!m_loading && m_set->isChecked())
            Q_EMIT changed();
    });
    connect(m_clear, &QCheckBox::toggled, this, [this]() {
        if (!m_loading)
            Q_EMIT changed();
    });
}

void DateTimeField::onSetToggled(bool on) {
    m_edit->setEnabled(on);
    if (!m_loading)
        Q_EMIT changed();
}

QDateTime DateTimeField::dateTime() const {
    if (!m_set->isChecked())
        return {};
    QDateTime value = m_edit->dateTime();
    value.setTimeSpec(Qt::UTC);
    return value;
}

void DateTimeField::setDateTime(const QDateTime &dateTime) {
    m_loading = true;
    m_set->setChecked(dateTime.isValid());
    m_edit->setEnabled(dateTime.isValid());
    m_edit->setDateTime(dateTime.isValid() ? dateTime.toUTC() : defaultDate());
    m_loading = false;
}

bool DateTimeField::clearRequested() const {
    return m_clear->isChecked();
}

void DateTimeField::setClearRequested(bool clear) {
    m_loading = true;
    m_clear->setChecked(clear);
    m_loading = false;
}

} // namespace ica::ui
