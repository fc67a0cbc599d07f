#pragma once

#include "documentspace.h"

#include <QAbstractItemModel>
#include <QList>

namespace Cartable::Workspace {

class Workspace;

// The folder tree of the Documents screen: one branch per owner (the
// account's own documents, each of its classes, each of its working
// groups) with its folders and their subfolders by name, then "Shared with
// me". Follows local changes and syncs.
class DocumentFolderModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class NodeKind { Owner, Folder, Shared };
    Q_ENUM(NodeKind)
    enum Roles {
        NodeKindRole = Qt::UserRole + 1, // NodeKind, as an int
        FolderIdRole,                    // the folder's id (Folder nodes)
        OwnerKindRole,                   // document_folder.owner_kind (Owner and Folder nodes)
        OwnerIdRole,
        ManagedRole, // whether the account may create, rename and delete here
    };

    DocumentFolderModel(Workspace &workspace, DocumentSpace &space, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    QModelIndex indexOfFolder(const QString &folderId) const;
    QModelIndex indexOfOwner(const QString &kind, const QString &ownerId) const;
    QModelIndex sharedIndex() const;
    // The owner of a node (for a folder, its folder's owner).
    DocumentSpace::Owner ownerAt(const QModelIndex &index) const;

    void reload();

private:
    struct Node
    {
        NodeKind kind = NodeKind::Owner;
        QString folderId;
        DocumentSpace::Owner owner;
        QString name;
        int parent = -1;     // index in m_nodes, -1 for a top-level node
        QList<int> children; // indexes in m_nodes, in order
        int row = 0;         // among its siblings
    };
    int addFolderNode(int parentNode, const Core::Record &folder);
    void addFolders(int parentNode, const QString &parentFolderId, const QList<Core::Record> &folders,
                    QSet<QString> &placed);
    void onChanged(const QString &type);

    Workspace &m_workspace;
    DocumentSpace &m_space;
    QList<Node> m_nodes;
    QList<int> m_topLevel;
};

} // namespace Cartable::Workspace
