#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;

namespace Cartable::Gui {

// Says in the status bar whether the server answers: a word and an icon of
// its own shape for each state, never a colour alone. Screen readers get the
// same through the accessible name and description.
class ConnectionIndicator : public QWidget
{
    Q_OBJECT

public:
    enum class State { Unknown, Online, Offline };
    Q_ENUM(State)

    explicit ConnectionIndicator(QWidget *parent = nullptr);

    State state() const { return m_state; }
    QDateTime lastCheck() const { return m_lastCheck; }
    QString text() const;

    void setUnknown();
    void setChecked(bool online, const QDateTime &when);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateUi();

    QLabel *m_iconLabel = nullptr;
    QLabel *m_textLabel = nullptr;
    State m_state = State::Unknown;
    QDateTime m_lastCheck;
};

} // namespace Cartable::Gui
