#pragma once

#include "workspace/workspace.h"

#include <QComboBox>
#include <QList>

namespace Cartable::Gui {

// The list of what a teacher teaches ("3e A · Mathématiques"), shared by the
// screens that work on one class or group at a time. Filling it again after
// a sync keeps the teaching the teacher was on when it is still there.
class TeachingPicker : public QComboBox
{
    Q_OBJECT

public:
    explicit TeachingPicker(QWidget *parent = nullptr);

    // Emits chosen() when this changes which teaching is current.
    void setTeachings(const QList<Workspace::Teaching> &teachings);
    const QList<Workspace::Teaching> &teachings() const { return m_teachings; }
    // An empty teaching when there is none.
    Workspace::Teaching current() const;

Q_SIGNALS:
    void chosen(const Workspace::Teaching &teaching);

private:
    void follow();

    QList<Workspace::Teaching> m_teachings;
    Workspace::Teaching m_chosen;
};

} // namespace Cartable::Gui
