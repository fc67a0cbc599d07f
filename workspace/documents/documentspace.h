#pragma once

#include "core/domain/record.h"
#include "core/result.h"
#include "core/role.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

namespace Cartable::Sync {
class BlobCache;
}

namespace Cartable::Workspace {

class Workspace;

// The document spaces of the signed-in account in its establishment: its
// own folders, its classes' and its working groups'; the folders and files
// in them, and who they are shared with. Every write is a local row that
// syncs later (a file added offline waits to be sent). What it offers
// follows the write rules of the server (core/policy/writerules_communication.cpp):
// a person manages his own folders, the folders of his working groups (staff
// only) and, for staff, those of the classes he teaches (every class for
// the vie scolaire, the secretariat and the head); whoever manages a folder
// manages its documents and their shares.
class DocumentSpace
{
    Q_DECLARE_TR_FUNCTIONS(Cartable::Workspace::DocumentSpace)

public:
    // Who a folder belongs to (document_folder.owner_kind, owner_id).
    struct Owner
    {
        QString kind; // "account", "school_class", "working_group"
        QString id;
        QString name; // "My documents", "3e A", the group's name
        friend bool operator==(const Owner &, const Owner &) = default;
    };
    // Someone a document can be shared with.
    struct Person
    {
        QString accountId;
        QString name;   // "Claire Martin"
        QString detail; // "Teacher", "Student, 3e A"
    };

    DocumentSpace(Workspace &workspace, Sync::BlobCache &cache);

    // Whether the account has document spaces at all (not the local
    // authority's role).
    bool isAvailable() const;
    // The owners whose folders the account sees or manages: itself first,
    // then its classes, then its working groups, each by name.
    QList<Owner> owners() const;
    bool managesOwner(const QString &kind, const QString &ownerId) const;
    bool managesFolder(const QString &folderId) const;
    // Whether the account may rename or delete the document (it manages its
    // folder) or only change it (a share to write).
    bool managesDocument(const QString &documentId) const;
    bool mayRenameDocument(const QString &documentId) const;

    // Folders. Errors: Forbidden ("document_folder.not_own_folder") where the
    // rules would refuse, MissingField for an empty name, else the
    // catalogue's codes.
    [[nodiscard]] Core::Result<Core::Record> createFolder(const Owner &owner, const QString &parentId,
                                                          const QString &name);
    [[nodiscard]] Core::Status renameFolder(const QString &folderId, const QString &name);
    // Removes the folder with its subfolders, their documents and shares, in
    // one change.
    [[nodiscard]] Core::Status removeFolder(const QString &folderId);
    // What removeFolder() would remove besides the folder.
    int contentCount(const QString &folderId) const;

    // Documents. addDocument() copies the file into the cache, a chunk at a
    // time, with the errors of Sync::BlobCache::import (NotFound,
    // MissingField, PayloadTooLarge, FileTypeRefused, DatabaseError), and
    // writes nothing when it fails.
    [[nodiscard]] Core::Result<Core::Record> addDocument(const QString &folderId, const QString &filePath);
    [[nodiscard]] Core::Status renameDocument(const QString &documentId, const QString &name);
    [[nodiscard]] Core::Status removeDocument(const QString &documentId);

    // Shares of a document, by the name of whom it is shared with.
    QList<Core::Record> sharesOf(const QString &documentId) const;
    // The people of the establishment a document may be shared with: the
    // staff directory and, for a teacher, the students of his classes whose
    // account the replica knows. Not the account itself, nor those it is
    // already shared with.
    QList<Person> shareCandidates(const QString &documentId) const;
    [[nodiscard]] Core::Result<Core::Record> share(const QString &documentId, const QString &accountId, bool mayChange);
    [[nodiscard]] Core::Status removeShare(const QString &shareId);

    // The name of an account for people, from what the replica knows.
    QString nameOfAccount(const QString &accountId) const;

private:
    QList<Core::Role> rolesHere() const;
    bool managesFolderRow(const Core::Record &folder) const;
    QStringList subfoldersOf(const QString &folderId) const;
    void collectFolders(const QString &folderId, QStringList &into) const;
    // Renames a folder or a document that `allowed` lets the account rename.
    [[nodiscard]] Core::Status renameRow(const QString &type, const QString &id, const QString &name,
                                         const std::function<bool(const QString &)> &allowed);

    Workspace &m_workspace;
    Sync::BlobCache &m_cache;
};

} // namespace Cartable::Workspace
