#pragma once

#include <QObject>

#include <functional>

class QWidget;

namespace ica::ui {

/// Calls `apply` whenever `widget`'s palette or style changes (a dark palette
/// switched on at run time), so colours and icons made from the palette (tones,
/// the icons of icons.h) follow it. A child of `widget`: goes with it. `apply` is
/// not called at construction; the caller applies the first time.
class PaletteFollower final : public QObject {
    Q_OBJECT
public:
    PaletteFollower(QWidget *widget, std::function<void()> apply);

    /// Convenience: a follower of `widget` that also applies once now.
    static void follow(QWidget *widget, std::function<void()> apply);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    std::function<void()> m_apply;
    bool m_applying = false; ///< `apply` may set the palette: no loop
};

} // namespace ica::ui
