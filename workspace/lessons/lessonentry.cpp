#include "lessonentry.h"

#include "homeworkmodel.h"

#include "workspace/workspace.h"

#include "core/errorcode.h"
#include "core/ids.h"

namespace Cartable::Workspace {

using Core::ErrorCode;
using Core::Record;
using namespace Qt::StringLiterals;

LessonEntry::LessonEntry(Workspace &workspace, QObject *parent)
    : QObject(parent), m_workspace(workspace), m_homework(new HomeworkModel(workspace, this))
{
    connect(&m_workspace, &Workspace::changed, this, &LessonEntry::onChanged);
    connect(&m_workspace, &Workspace::reloaded, this, &LessonEntry::reload);
}

LessonEntry::~LessonEntry() = default;

Core::Status LessonEntry::setSessionId(const QString &sessionId)
{
    const std::optional<Record> session = m_workspace.row(u"lesson_session"_s, sessionId);
    m_session = session ? *session : Record();
    m_content.reset();
    if (session) {
        const QList<Record> contents = m_workspace.select(u"lesson_content"_s, u"session_id = ?"_s, {sessionId},
                                                          u"id"_s);
        if (!contents.isEmpty())
            m_content = contents.constFirst();
    }
    m_homework->setSession(m_session);
    Q_EMIT contentChanged();
    if (!session)
        return Core::Error{ErrorCode::NotFound, u"lesson_session"_s};
    return {};
}

QDate LessonEntry::date() const
{
    return QDate::fromString(m_session.text(u"date"_s), Qt::ISODate);
}

QString LessonEntry::title() const
{
    return m_content ? m_content->text(u"title"_s) : QString();
}

QString LessonEntry::content() const
{
    return m_content ? m_content->text(u"content"_s) : QString();
}

bool LessonEntry::differs(const QString &title, const QString &content) const
{
    return title != this->title() || content != this->content();
}

Core::Status LessonEntry::save(const QString &title, const QString &content)
{
    if (m_session.id().isEmpty())
        return Core::Error{ErrorCode::NotFound, u"lesson_session"_s};
    if (m_content && !differs(title, content))
        return {};
    if (m_content) {
        Record changes(u"lesson_content"_s, m_content->id());
        changes.set(u"title"_s, title);
        changes.set(u"content"_s, content);
        const Core::Result<qint64> written = m_workspace.update(changes, {u"title"_s, u"content"_s});
        if (!written)
            return written.error();
    } else {
        Record row(u"lesson_content"_s, Core::newId());
        row.set(u"establishment_id"_s, m_session.text(u"establishment_id"_s));
        row.set(u"session_id"_s, m_session.id());
        for (const QString &field : {u"class_id"_s, u"group_id"_s, u"subject_id"_s, u"date"_s})
            row.set(field, m_session.value(field));
        row.set(u"teacher_id"_s, m_workspace.personId());
        row.set(u"title"_s, title);
        row.set(u"content"_s, content);
        const Core::Result<qint64> written = m_workspace.create(row);
        if (!written)
            return written.error();
    }
    reload();
    return {};
}

void LessonEntry::reload()
{
    if (m_session.id().isEmpty())
        return;
    if (const std::optional<Record> session = m_workspace.row(u"lesson_session"_s, m_session.id()))
        m_session = *session;
    const std::optional<Record> before = m_content;
    const QList<Record> contents = m_workspace.select(u"lesson_content"_s, u"session_id = ?"_s, {m_session.id()},
                                                      u"id"_s);
    m_content = contents.isEmpty() ? std::nullopt : std::optional<Record>(contents.constFirst());
    if (before != m_content)
        Q_EMIT contentChanged();
}

void LessonEntry::onChanged(const QString &type, const QString &)
{
    if (type == u"lesson_content"_s || type == u"lesson_session"_s)
        reload();
}

} // namespace Cartable::Workspace
