#pragma once

#include "core/domain/record.h"
#include "core/result.h"

#include <QDate>
#include <QObject>

#include <optional>

namespace Cartable::Workspace {

class HomeworkModel;
class Workspace;

// One lesson session's entry of the cahier de textes: what was done (its
// lesson_content, made on the first save with the session's class or group,
// subject and date, changed after) and the homework given (homework()).
class LessonEntry : public QObject
{
    Q_OBJECT

public:
    explicit LessonEntry(Workspace &workspace, QObject *parent = nullptr);
    ~LessonEntry() override;

    // NotFound (context "lesson_session") when the replica has no such
    // session; the entry is then empty.
    [[nodiscard]] Core::Status setSessionId(const QString &sessionId);
    QString sessionId() const { return m_session.id(); }
    const Core::Record &session() const { return m_session; }
    QDate date() const;

    // Empty until the first save.
    QString contentId() const { return m_content ? m_content->id() : QString(); }
    QString title() const;
    QString content() const;
    // Whether title and content differ from what is saved.
    bool differs(const QString &title, const QString &content) const;

    // Creates or updates the lesson_content; nothing is written when nothing
    // changed. Errors are the catalogue's (a blank title or content is
    // MissingField, a too long one FieldTooLong) and nothing is written.
    [[nodiscard]] Core::Status save(const QString &title, const QString &content);

    HomeworkModel *homework() const { return m_homework; }

Q_SIGNALS:
    // The saved lesson_content changed, here or after a sync.
    void contentChanged();

private:
    void reload();
    void onChanged(const QString &type, const QString &id);

    Workspace &m_workspace;
    Core::Record m_session;
    std::optional<Core::Record> m_content;
    HomeworkModel *m_homework = nullptr;
};

} // namespace Cartable::Workspace
