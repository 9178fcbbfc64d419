#pragma once

#include "ui/style/tones.h"

#include <QIcon>
#include <QPalette>

class QAbstractButton;

namespace ica::ui {

/// The actions the UI puts on buttons, each drawn in resources/icons/action-*.svg.
enum class ActionIcon { Back, Forward, Up, Reload, Copy, Delete, Remove, Close };

/// The app's one icon set (resources/icons/*.svg, in the resources), coloured for
/// `palette`: the SVGs draw in `currentColor` (a tone, or the button text) with
/// details in `Canvas` (the view background), which are filled in here. So the same
/// icons read on light and dark palettes; re-fetch them after a palette change
/// (PaletteFollower). Cached per icon and colours.
[[nodiscard]] QIcon statusIcon(StatusKind kind, const QPalette &palette);
/// Error, Warning, Success or Active (information) for messages and issues.
[[nodiscard]] QIcon severityIcon(Tone tone, const QPalette &palette);
/// Drawn in the palette's button text colour; greyed when disabled.
[[nodiscard]] QIcon actionIcon(ActionIcon action, const QPalette &palette);

/// Gives `button` the icon of `action`, now and after every palette change.
void setActionIcon(QAbstractButton *button, ActionIcon action);

/// The SVG file names (resource paths) of every icon above, for tests and the
/// screenshot tour.
[[nodiscard]] QStringList iconResourcePaths();

} // namespace ica::ui
