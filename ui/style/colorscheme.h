#pragma once

#include <QPalette>
#include <QString>

namespace ica::ui {

/// The settings key of View → Dark Palette (a bool).
inline const QString DarkPaletteSettingKey = QStringLiteral("view/darkPalette");

/// A dark palette for the Fusion style: greys with light text, blue selection, and
/// disabled roles greyed, so every widget (and every tone, see tones.h) reads.
[[nodiscard]] QPalette darkPalette();
/// On: the Fusion style with darkPalette() for the whole application. Off: back to
/// the style and palette the application had before the first call. Widgets follow
/// at once (Qt sends them palette change events).
void setDarkPalette(bool dark);
/// True while setDarkPalette(true) is in effect.
[[nodiscard]] bool isDarkPaletteOn();

} // namespace ica::ui
