#pragma once

#include "core/userprofile.h"

#include <QAbstractTableModel>

namespace Cartable::Gui {

// The roles of a person, one row per role held in an establishment.
class RoleAssignmentModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { RoleColumn, EstablishmentColumn, UaiColumn, ColumnCount };
    Q_ENUM(Column)

    explicit RoleAssignmentModel(QObject *parent = nullptr);

    void setAssignments(const QList<Core::RoleAssignment> &assignments);
    const QList<Core::RoleAssignment> &assignments() const { return m_assignments; }
    // Tells the views that the role names and headers changed language.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Core::RoleAssignment> m_assignments;
};

} // namespace Cartable::Gui
