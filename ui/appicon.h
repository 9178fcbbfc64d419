#pragma once

#include <QIcon>
#include <QString>

namespace ica::ui {

/// The desktop's application ID (reverse DNS): the name of the desktop entry, the
/// AppStream component and the icon in the hicolor theme.
inline const QString AppId = QStringLiteral("io.github.icatagger.IcaTagger");

/// The app icon: the installed theme's when there is one, else the copy built into
/// the program (so a build run from its folder has its icon too).
[[nodiscard]] QIcon appIcon();

} // namespace ica::ui
