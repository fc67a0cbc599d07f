#include "teachingpicker.h"

#include <QSignalBlocker>

namespace Cartable::Gui {

namespace {

// The same class or group and subject, whatever their names now are.
bool sameTeaching(const Workspace::Teaching &a, const Workspace::Teaching &b)
{
    return a.classId == b.classId && a.groupId == b.groupId && a.subjectId == b.subjectId;
}

} // namespace

TeachingPicker::TeachingPicker(QWidget *parent) : QComboBox(parent)
{
    connect(this, &QComboBox::currentIndexChanged, this, &TeachingPicker::follow);
}

void TeachingPicker::setTeachings(const QList<Workspace::Teaching> &teachings)
{
    if (teachings == m_teachings)
        return;
    {
        const QSignalBlocker blocker(this);
        m_teachings = teachings;
        clear();
        int keep = m_teachings.isEmpty() ? -1 : 0;
        for (qsizetype i = 0; i < m_teachings.size(); ++i) {
            addItem(m_teachings.at(i).label());
            if (sameTeaching(m_teachings.at(i), m_chosen))
                keep = static_cast<int>(i);
        }
        setCurrentIndex(keep);
    }
    follow();
}

Workspace::Teaching TeachingPicker::current() const
{
    const int index = currentIndex();
    return index >= 0 && index < m_teachings.size() ? m_teachings.at(index) : Workspace::Teaching{};
}

void TeachingPicker::follow()
{
    const Workspace::Teaching now = current();
    if (now == m_chosen)
        return;
    m_chosen = now;
    Q_EMIT chosen(now);
}

} // namespace Cartable::Gui
