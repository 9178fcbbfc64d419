#include "ui/widgets/confirmation.h"

#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTimer>

namespace ica::ui {

namespace {

std::optional<bool> g_nextAnswer;
QString g_lastQuestion;
int g_askCount = 0;
int g_answerCount = 0;

} // namespace

QMessageBox *Confirmation::ask(QWidget *parent, const QString &title, const QString &question,
                               const QString &details, const QString &acceptText,
                               std::function<void(bool)> done) {
    ++g_askCount;
    g_lastQuestion = details.isEmpty() ? question : question + QLatin1Char('\n') + details;
    if (g_nextAnswer) {
        const bool answer = *g_nextAnswer;
        g_nextAnswer.reset();
        // Later, as a real answer comes: callers must not rely on an answer inside ask().
        const auto deliver = [done = std::move(done), answer]() {
            ++g_answerCount;
            done(answer);
        };
        if (parent)
            QTimer::singleShot(0, parent, deliver);
        else
            QTimer::singleShot(0, deliver);
        return nullptr;
    }
    auto *box =
        new QMessageBox(QMessageBox::Question, title, question, QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("confirmationBox"));
    box->setInformativeText(details);
    QPushButton *yes = box->addButton(acceptText, QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("confirmationAcceptButton"));
    QPushButton *no = box->addButton(QMessageBox::Cancel);
    no->setObjectName(QStringLiteral("confirmationCancelButton"));
    box->setDefaultButton(no); // an accidental Enter must not send anything
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, box, [box, yes, done = std::move(done)](int) {
        ++g_answerCount;
        done(box->clickedButton() == yes);
    });
    box->open();
    return box;
}

QMessageBox *Confirmation::inform(QWidget *parent, const QString &title, const QString &text) {
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("informationBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return box;
}

void Confirmation::setNextAnswer(std::optional<bool> answer) {
    g_nextAnswer = answer;
}

QString Confirmation::lastQuestion() {
    return g_lastQuestion;
}

int Confirmation::askCount() {
    return g_askCount;
}

int Confirmation::answerCount() {
    return g_answerCount;
}

} // namespace ica::ui
