#pragma once

#include "core/domain/statuses.h"

#include <QColor>
#include <QPalette>

class QWidget;

namespace ica::ui {

/// What a colour says, whatever it colours: the one scheme behind every status,
/// severity and error the UI shows (always beside a word or an icon, never alone).
enum class Tone {
    Neutral, ///< unknown, nothing to say
    Active,  ///< waiting or running; also information
    Success, ///< succeeded, updated
    Warning, ///< partially succeeded; warnings
    Error,   ///< failed, stopped; errors
};

/// The kinds of status a batch's job and its items go through, each with its icon
/// (see icons.h) and tone.
enum class StatusKind { Unknown, Queued, Running, Succeeded, Partial, Failed, Stopped };

[[nodiscard]] StatusKind statusKind(const JobStatus &status);
[[nodiscard]] StatusKind statusKind(ItemStatus::Value status);
/// Succeeded: Success; Partial: Warning; Failed and Stopped: Error; Queued and
/// Running: Active; Unknown: Neutral.
[[nodiscard]] Tone toneOf(StatusKind kind);

/// True when `palette` is a dark one (its text is lighter than its window).
[[nodiscard]] bool isDarkPalette(const QPalette &palette);
/// The colour of `tone` for text and icons on `palette`: a dark shade on a light
/// palette, a light one on a dark palette, nudged until its contrast with both the
/// window and the base (view) background is at least MinimumContrast.
[[nodiscard]] QColor toneColor(Tone tone, const QPalette &palette);
/// The WCAG contrast ratio of two colours (1 to 21).
[[nodiscard]] double contrastRatio(const QColor &a, const QColor &b);
/// WCAG AA for text: what toneColor() guarantees where it can.
inline constexpr double MinimumContrast = 4.5;

/// Colours `label`'s text with `tone`, now and after every palette change (a dark
/// palette switched on at run time). Replaces style sheets like "color: red", which
/// ignore the palette.
void setTextTone(QWidget *label, Tone tone);
/// Back to the palette's own text colour.
void clearTextTone(QWidget *label);

} // namespace ica::ui
