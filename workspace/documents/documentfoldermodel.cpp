#include "documentfoldermodel.h"

#include "workspace/workspace.h"

#include <QCollator>
#include <QSet>

#include <algorithm>

namespace Cartable::Workspace {

using Core::Record;
using namespace Qt::StringLiterals;

DocumentFolderModel::DocumentFolderModel(Workspace &workspace, DocumentSpace &space, QObject *parent)
    : QAbstractItemModel(parent), m_workspace(workspace), m_space(space)
{
    connect(&workspace, &Workspace::changed, this, [this](const QString &type) { onChanged(type); });
    connect(&workspace, &Workspace::reloaded, this, &DocumentFolderModel::reload);
    reload();
}

void DocumentFolderModel::onChanged(const QString &type)
{
    if (type == u"document_folder"_s)
        reload();
}

int DocumentFolderModel::addFolderNode(int parentNode, const Record &folder)
{
    Node node;
    node.kind = NodeKind::Folder;
    node.folderId = folder.id();
    node.owner = m_nodes.at(parentNode).owner;
    node.name = folder.text(u"name"_s);
    node.parent = parentNode;
    node.row = int(m_nodes.at(parentNode).children.size());
    const int index = int(m_nodes.size());
    m_nodes.append(node);
    m_nodes[parentNode].children.append(index);
    return index;
}

void DocumentFolderModel::addFolders(int parentNode, const QString &parentFolderId, const QList<Record> &folders,
                                     QSet<QString> &placed)
{
    for (const Record &folder : folders) {
        if (placed.contains(folder.id()))
            continue;
        const bool childOfParent = parentFolderId.isEmpty() ? !folder.isSet(u"parent_id"_s)
                                                            : folder.text(u"parent_id"_s) == parentFolderId;
        if (!childOfParent)
            continue;
        placed.insert(folder.id());
        addFolders(addFolderNode(parentNode, folder), folder.id(), folders, placed);
    }
}

void DocumentFolderModel::reload()
{
    beginResetModel();
    m_nodes.clear();
    m_topLevel.clear();
    QList<Record> folders = m_workspace.select(u"document_folder"_s, u"establishment_id = ?"_s,
                                               {m_workspace.establishmentId()});
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(folders.begin(), folders.end(), [&collator](const Record &a, const Record &b) {
        const int byName = collator.compare(a.text(u"name"_s), b.text(u"name"_s));
        return byName != 0 ? byName < 0 : a.id() < b.id();
    });
    QSet<QString> placed;
    for (const DocumentSpace::Owner &owner : m_space.owners()) {
        Node node;
        node.kind = NodeKind::Owner;
        node.owner = owner;
        node.name = owner.name;
        node.row = int(m_topLevel.size());
        const int index = int(m_nodes.size());
        m_nodes.append(node);
        m_topLevel.append(index);
        QList<Record> own;
        for (const Record &folder : std::as_const(folders)) {
            if (folder.text(u"owner_kind"_s) == owner.kind && folder.text(u"owner_id"_s) == owner.id)
                own.append(folder);
        }
        addFolders(index, {}, own, placed);
        // A folder whose parent is not in the replica goes at the top of
        // its owner.
        for (const Record &folder : std::as_const(own)) {
            if (placed.contains(folder.id()))
                continue;
            placed.insert(folder.id());
            addFolders(addFolderNode(index, folder), folder.id(), own, placed);
        }
    }
    if (m_space.isAvailable()) {
        Node shared;
        shared.kind = NodeKind::Shared;
        shared.name = tr("Shared with me");
        shared.row = int(m_topLevel.size());
        m_topLevel.append(int(m_nodes.size()));
        m_nodes.append(shared);
    }
    endResetModel();
}

QModelIndex DocumentFolderModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_topLevel.size() ? createIndex(row, 0, quintptr(m_topLevel.at(row))) : QModelIndex();
    if (parent.model() != this || parent.column() != 0)
        return {};
    const Node &node = m_nodes.at(int(parent.internalId()));
    return row < node.children.size() ? createIndex(row, 0, quintptr(node.children.at(row))) : QModelIndex();
}

QModelIndex DocumentFolderModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node &node = m_nodes.at(int(child.internalId()));
    if (node.parent < 0)
        return {};
    return createIndex(m_nodes.at(node.parent).row, 0, quintptr(node.parent));
}

int DocumentFolderModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_topLevel.size());
    if (parent.column() != 0)
        return 0;
    return int(m_nodes.at(int(parent.internalId())).children.size());
}

int DocumentFolderModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant DocumentFolderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = m_nodes.at(int(index.internalId()));
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return node.name;
    case Qt::AccessibleTextRole:
        if (node.kind == NodeKind::Folder)
            return tr("Folder %1").arg(node.name);
        return node.name;
    case NodeKindRole:
        return int(node.kind);
    case FolderIdRole:
        return node.folderId;
    case OwnerKindRole:
        return node.owner.kind;
    case OwnerIdRole:
        return node.owner.id;
    case ManagedRole:
        return node.kind != NodeKind::Shared && m_space.managesOwner(node.owner.kind, node.owner.id);
    default:
        return {};
    }
}

QModelIndex DocumentFolderModel::indexOfFolder(const QString &folderId) const
{
    for (int i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes.at(i).kind == NodeKind::Folder && m_nodes.at(i).folderId == folderId)
            return createIndex(m_nodes.at(i).row, 0, quintptr(i));
    }
    return {};
}

QModelIndex DocumentFolderModel::indexOfOwner(const QString &kind, const QString &ownerId) const
{
    for (int i : m_topLevel) {
        const Node &node = m_nodes.at(i);
        if (node.kind == NodeKind::Owner && node.owner.kind == kind && node.owner.id == ownerId)
            return createIndex(node.row, 0, quintptr(i));
    }
    return {};
}

QModelIndex DocumentFolderModel::sharedIndex() const
{
    for (int i : m_topLevel) {
        if (m_nodes.at(i).kind == NodeKind::Shared)
            return createIndex(m_nodes.at(i).row, 0, quintptr(i));
    }
    return {};
}

DocumentSpace::Owner DocumentFolderModel::ownerAt(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    return m_nodes.at(int(index.internalId())).owner;
}

} // namespace Cartable::Workspace
