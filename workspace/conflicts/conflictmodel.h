#pragma once

#include "core/result.h"

#include <QAbstractTableModel>
#include <QJsonValue>
#include <QPointer>

#include "core/domain/record.h"

namespace Cartable::Workspace {

class Workspace;

// The conflict centre's list: every value of the user's that lost to
// another person's change (or the other way round), with both values, who
// and when. Open conflicts come first, newest first; resolved ones are
// listed too when asked for. Restoring or dismissing one is one action.
class ConflictModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { DecidedColumn, ItemColumn, LostColumn, KeptColumn, PeopleColumn, StatusColumn, ColumnCount };
    enum Role {
        ConflictIdRole = Qt::UserRole + 1,
        IsOpenRole,
        // A paragraph that says everything about the conflict, for the detail
        // pane and screen readers.
        DetailRole,
    };

    explicit ConflictModel(Workspace &workspace, QObject *parent = nullptr);

    void setShowResolved(bool show);
    bool showResolved() const { return m_showResolved; }
    int openCount() const { return m_openCount; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    [[nodiscard]] Core::Result<qint64> restore(int row);
    [[nodiscard]] Core::Result<qint64> dismiss(int row);

    // What a row is, in words: "Grade of Léo Dubois, Contrôle n° 3".
    QString describeRow(const QString &type, const QString &id) const;
    // A value of a conflict (a JSON object of fields, or a whole row) in
    // words, with the locale's numbers and dates.
    QString describeValue(const QString &type, const QString &json) const;

Q_SIGNALS:
    void openCountChanged(int count);

private:
    // The conflicts one change made to one row (a grade's mark and the time
    // it was given) are one entry, restored or kept together.
    struct Entry
    {
        Core::Record conflict;
        QStringList ids;
        QString item;
        QString lost;
        QString kept;
        QString people;
        bool open = false;
    };

    void reload();
    void onChanged(const QString &type);
    QString fieldValue(const QString &type, const QString &field, const QJsonValue &value) const;
    QString statusText(const Entry &entry) const;
    QString detail(const Entry &entry) const;

    QPointer<Workspace> m_workspace;
    QList<Entry> m_entries;
    bool m_showResolved = false;
    int m_openCount = 0;
};

} // namespace Cartable::Workspace
