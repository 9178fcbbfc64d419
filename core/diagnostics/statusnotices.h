#pragma once

#include <QObject>
#include <QString>

namespace ica {

/// The one route for short status texts ("Batch 12 opened.") from any layer to where
/// the app shows them (the main window's status bar). A class calls
/// StatusNotices::post(text) instead of declaring a signal that every layer above it
/// relays. The app makes one StatusNotices, installs it with an Installer for as long
/// as it runs, and listens to posted(). With none installed (icatag, most unit
/// tests) a post is only logged at debug level.
class StatusNotices final : public QObject {
    Q_OBJECT
public:
    explicit StatusNotices(QObject *parent = nullptr);
    ~StatusNotices() override;

    /// The installed instance, or nullptr when none is.
    [[nodiscard]] static StatusNotices *instance();

    /// Tells the user `text` through the installed instance (logged to ica.ui at
    /// info level). Empty texts are dropped. From another thread the text arrives on
    /// the instance's thread, later.
    static void post(const QString &text);

    /// Installs a StatusNotices as instance() for the Installer's lifetime; the one
    /// installed before it (if any) is back afterwards, so installs nest (a test's
    /// spy inside an app run). Install and remove on the same thread.
    class Installer final {
    public:
        explicit Installer(StatusNotices *notices);
        ~Installer();
        Installer(const Installer &) = delete;
        Installer &operator=(const Installer &) = delete;

    private:
        StatusNotices *m_installed;
        StatusNotices *m_previous;
    };

Q_SIGNALS:
    /// A text was posted; the status bar shows it.
    void posted(const QString &text);
};

} // namespace ica
