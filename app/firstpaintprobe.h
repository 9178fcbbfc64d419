#pragma once

#include <QObject>

class QWidget;

namespace ica::app {

/// For the startup benchmark (hidden --quit-when-drawn): once `window` has been
/// painted for the first time, prints "drawn" on stdout and quits the application.
/// The benchmark times the whole process from its start to that line, as a user
/// sees it: loading, settings, the store, the keychain and the first frame.
class FirstPaintProbe final : public QObject {
    Q_OBJECT
public:
    explicit FirstPaintProbe(QWidget *window, QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool m_seen = false;
};

} // namespace ica::app
