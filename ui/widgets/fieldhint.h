#pragma once

#include "ui/style/tones.h"

#include <QLabel>

namespace ica::ui {

/// A short line under one input field: what is wrong with it (error or warning tone)
/// or what it will do (neutral). Hidden while it has nothing to say. What a view or
/// dialog did (its outcome) goes to MessageBar instead; this is only for one field.
class FieldHint final : public QLabel {
    Q_OBJECT
public:
    explicit FieldHint(QWidget *parent = nullptr);

    /// Shows `text` in `tone` (Neutral: the palette's text colour); an empty text hides.
    void showHint(const QString &text, Tone tone = Tone::Neutral);
    void clearHint();
};

} // namespace ica::ui
