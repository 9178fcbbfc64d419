#pragma once

#include <QDateTime>
#include <QWidget>

class QCheckBox;
class QDateTimeEdit;

namespace ica::ui {

/// A UTC date-time that may be unset, and the flag that clears the current one:
/// [x] Archive on [2026-12-01 00:00 UTC]  [ ] Clear the archive date.
/// Children: "setCheck", "dateEdit", "clearCheck".
class DateTimeField final : public QWidget {
    Q_OBJECT
public:
    /// `setLabel` e.g. "Archive on", `clearLabel` e.g. "Clear the archive date".
    DateTimeField(const QString &setLabel, const QString &clearLabel, QWidget *parent = nullptr);

    /// Invalid when unset.
    [[nodiscard]] QDateTime dateTime() const;
    /// Invalid: unset. Does not emit changed().
    void setDateTime(const QDateTime &dateTime);
    [[nodiscard]] bool clearRequested() const;
    void setClearRequested(bool clear);

    [[nodiscard]] QCheckBox *setCheck() const { return m_set; }
    [[nodiscard]] QDateTimeEdit *dateEdit() const { return m_edit; }
    [[nodiscard]] QCheckBox *clearCheck() const { return m_clear; }

Q_SIGNALS:
    void changed();

private:
    void onSetToggled(bool on);

    QCheckBox *m_set;
    QDateTimeEdit *m_edit;
    QCheckBox *m_clear;
    bool m_loading = false;
};

} // namespace ica::ui
