#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace ica::ui {

/// What the main window shows while there is no profile (a first start): what ICA
/// Tagger needs and the three ways on: add a profile, import the icav2 CLI's
/// configuration, or try the built-in demo. Instead of empty tabs full of "not
/// connected" errors.
///
/// objectNames: welcomePanel (this), addProfileButton, importIcav2Button,
/// tryDemoButton, welcomeMessage.
class WelcomePanel final : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePanel(QWidget *parent = nullptr);

    /// A line under the buttons (e.g. "No icav2 configuration was found").
    void showMessage(const QString &message);

Q_SIGNALS:
    void addProfileRequested();
    void importRequested();
    void demoRequested();

private:
    QLabel *m_message;
};

} // namespace ica::ui
