#include "roleassignmentmodel.h"

#include "app/common/rolenames.h"

namespace Cartable::Gui {

RoleAssignmentModel::RoleAssignmentModel(QObject *parent) : QAbstractTableModel(parent) {}

void RoleAssignmentModel::setAssignments(const QList<Core::RoleAssignment> &assignments)
{
    beginResetModel();
    m_assignments = assignments;
    endResetModel();
}

void RoleAssignmentModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_assignments.isEmpty())
        Q_EMIT dataChanged(index(0, RoleColumn), index(rowCount() - 1, RoleColumn));
}

int RoleAssignmentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_assignments.size());
}

int RoleAssignmentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RoleAssignmentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::RoleAssignment &assignment = m_assignments.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case RoleColumn:
            return RoleNames::displayName(assignment.role);
        case EstablishmentColumn:
            return assignment.establishment.name;
        case UaiColumn:
            return assignment.establishment.uai;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == UaiColumn)
        return tr("National identifier (UAI) of %1").arg(assignment.establishment.name);
    return {};
}

QVariant RoleAssignmentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return {};
    switch (section) {
    case RoleColumn:
        return tr("Role");
    case EstablishmentColumn:
        return tr("Establishment");
    case UaiColumn:
        return tr("UAI");
    default:
        return {};
    }
}

} // namespace Cartable::Gui
