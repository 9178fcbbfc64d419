#include "ui/profiles/welcomepanel.h"

#include "ui/appicon.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ica::ui {

WelcomePanel::WelcomePanel(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("welcomePanel"));
    auto *icon = new QLabel(this);
    icon->setPixmap(appIcon().pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);
    auto *title = new QLabel(tr("<h2>Welcome to ICA Tagger</h2>"), this);
    title->setAlignment(Qt::AlignCenter);
    auto *text = new QLabel(
        tr("ICA Tagger tags your Illumina Connected Analytics data in bulk. To start, it "
           "needs a <b>profile</b>: your ICA server and an API key, which is kept in your "
           "system's keychain, never in a file."),
        this);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setMaximumWidth(520);

    auto *add = new QPushButton(tr("&Add a Profile…"), this);
    add->setObjectName(QStringLiteral("addProfileButton"));
    add->setDefault(true);
    auto *import = new QPushButton(tr("&Import from the icav2 CLI…"), this);
    import->setObjectName(QStringLiteral("importIcav2Button"));
    import->setToolTip(tr("Use the server and key of the icav2 command-line tool "
                          "(~/.icav2/config.yaml)"));
    auto *demo = new QPushButton(tr("Try the &Demo"), this);
    demo->setObjectName(QStringLiteral("tryDemoButton"));
    demo->setToolTip(tr("Open a second window on a simulated ICA on this computer: no "
                        "account needed, nothing leaves this computer"));
    connect(add, &QPushButton::clicked, this, &WelcomePanel::addProfileRequested);
    connect(import, &QPushButton::clicked, this, &WelcomePanel::importRequested);
    connect(demo, &QPushButton::clicked, this, &WelcomePanel::demoRequested);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("welcomeMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(icon);
    layout->addWidget(title);
    // Centred by stretches, not by an alignment flag: an aligned word-wrapped label
    // gets its one-line size hint and shows only the start of the text.
    auto *textRow = new QHBoxLayout;
    textRow->addStretch(1);
    textRow->addWidget(text, 4);
    textRow->addStretch(1);
    layout->addLayout(textRow);
    layout->addSpacing(12);
    for (QPushButton *button : {add, import, demo}) {
        button->setMinimumWidth(260);
        layout->addWidget(button, 0, Qt::AlignHCenter);
    }
    layout->addWidget(m_message);
    layout->addStretch(3);
}

void WelcomePanel::showMessage(const QString &message) {
    m_message->setText(message);
}

} // namespace ica::ui
