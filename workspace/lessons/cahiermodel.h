#pragma once

#include "workspace/workspace.h"

#include <QAbstractTableModel>
#include <QDate>

namespace Cartable::Workspace {

// The cahier de textes of one teaching, most recent day first: each entry
// (what was done in a lesson) with the homework given that day. A day with
// homework but no entry has a row of its own.
class CahierModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { DateColumn, TitleColumn, ContentColumn, HomeworkColumn, ColumnCount };
    enum Role {
        SessionIdRole = Qt::UserRole + 1, // empty for an entry without a session
        LessonContentIdRole,              // empty for a day with homework only
        HomeworkIdsRole,                  // QStringList
        DateRole,                         // QDate
    };

    explicit CahierModel(Workspace &workspace, QObject *parent = nullptr);

    void setTeaching(const Teaching &teaching);
    const Teaching &teaching() const { return m_teaching; }
    // The row of the entry of a session, -1 when none.
    int rowOfSession(const QString &sessionId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        QDate date;
        QString contentId;
        QString sessionId;
        QString title;
        QString content;
        QList<Core::Record> homework;
        QString key() const { return contentId.isEmpty() ? date.toString(Qt::ISODate) : contentId; }
    };

    QList<Entry> fetch() const;
    void reload();
    void onChanged(const QString &type, const QString &id);
    QString homeworkText(const Entry &entry, bool whole) const;

    Workspace &m_workspace;
    Teaching m_teaching;
    QList<Entry> m_entries;
};

} // namespace Cartable::Workspace
