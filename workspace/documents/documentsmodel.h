#pragma once

#include "core/domain/record.h"
#include "workspace/files/filestates.h"

#include <QAbstractTableModel>
#include <QList>

#include <functional>

namespace Cartable::Workspace {

class DocumentSpace;
class Workspace;

// The documents of one folder, or those shared with the account, by name:
// name, size, who added it, when, and where its file stands. Follows local
// changes, syncs and transfers.
class DocumentsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, SizeColumn, AddedByColumn, DateColumn, StateColumn, ColumnCount };
    enum Roles {
        IdRole = Qt::UserRole + 1,
        Sha256Role,
        SizeRole,      // bytes, for sorting and transfers
        StateKindRole, // FileState::Kind, as an int
        MimeTypeRole,
    };

    DocumentsModel(Workspace &workspace, DocumentSpace &space, FileStates &files, QObject *parent = nullptr);

    // How sizes and states read (the screens give their words).
    void setSizeText(std::function<QString(qint64)> text);
    void setStateText(std::function<QString(const FileState &)> text);

    void setFolder(const QString &folderId);
    void showSharedWithMe();
    void clear();
    QString folderId() const { return m_folderId; }
    bool isSharedWithMe() const { return m_shared; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    Core::Record documentAt(int row) const;
    int rowOf(const QString &documentId) const;

    void reload();

private:
    void onFileChanged(const QString &sha256);
    QList<Core::Record> load() const;

    Workspace &m_workspace;
    DocumentSpace &m_space;
    FileStates &m_files;
    std::function<QString(qint64)> m_sizeText;
    std::function<QString(const FileState &)> m_stateText;
    QString m_folderId;
    bool m_shared = false;
    QList<Core::Record> m_rows;
};

} // namespace Cartable::Workspace
