#include "documentspace.h"

#include "workspace/files/filestates.h"
#include "workspace/lessons/attachmentstore.h"
#include "workspace/workspace.h"

#include "core/errorcode.h"
#include "core/ids.h"
#include "sync/blobcache.h"

#include <QCollator>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace Cartable::Workspace {

using Core::Error;
using Core::ErrorCode;
using Core::Record;
using Core::Role;
using namespace Qt::StringLiterals;

namespace {

const QString kFolder = u"document_folder"_s;
const QString kDocument = u"document"_s;
const QString kShare = u"document_share"_s;
constexpr qsizetype kMaxMimeTypeLength = 100;

Error forbidden(const QString &reason)
{
    return Error{ErrorCode::Forbidden, reason};
}

QString roleName(const QString &code)
{
    const std::optional<Role> role = Core::roleFromCode(code);
    if (!role)
        return {};
    switch (*role) {
    case Role::Teacher:
        return DocumentSpace::tr("Teacher");
    case Role::VieScolaire:
        return DocumentSpace::tr("Vie scolaire");
    case Role::Secretariat:
        return DocumentSpace::tr("Secretariat");
    case Role::Head:
        return DocumentSpace::tr("Head");
    case Role::Student:
    case Role::Guardian:
    case Role::LocalAuthority:
        break;
    }
    return {};
}

} // namespace

DocumentSpace::DocumentSpace(Workspace &workspace, Sync::BlobCache &cache) : m_workspace(workspace), m_cache(cache) {}

QList<Role> DocumentSpace::rolesHere() const
{
    QList<Role> roles;
    const QString establishment = m_workspace.establishmentId();
    for (const Core::RoleAssignment &assignment : m_workspace.profile().assignments) {
        if (assignment.establishment.id == establishment && !roles.contains(assignment.role))
            roles.append(assignment.role);
    }
    return roles;
}

bool DocumentSpace::isAvailable() const
{
    // Known from the profile before the first sync brings the establishment.
    const QList<Core::RoleAssignment> &assignments = m_workspace.profile().assignments;
    return std::any_of(assignments.cbegin(), assignments.cend(),
                       [](const Core::RoleAssignment &assignment) { return assignment.role != Role::LocalAuthority; });
}

bool DocumentSpace::managesOwner(const QString &kind, const QString &ownerId) const
{
    const QList<Role> roles = rolesHere();
    if (kind == u"account"_s)
        return ownerId == m_workspace.accountId() && isAvailable();
    const bool staff = std::any_of(roles.cbegin(), roles.cend(), Core::isStaffRole);
    if (kind == u"working_group"_s) {
        if (!staff)
            return false;
        return !m_workspace
                    .select(u"working_group_member"_s, u"working_group_id = ? AND account_id = ?"_s,
                            {ownerId, m_workspace.accountId()})
                    .isEmpty();
    }
    if (kind == u"school_class"_s) {
        const std::optional<Record> schoolClass = m_workspace.row(u"school_class"_s, ownerId);
        if (!schoolClass || schoolClass->text(u"establishment_id"_s) != m_workspace.establishmentId())
            return false;
        if (std::any_of(roles.cbegin(), roles.cend(), Core::isSchoolWideRole))
            return true;
        if (!roles.contains(Role::Teacher))
            return false;
        const QList<Teaching> teachings = m_workspace.teachings();
        return std::any_of(teachings.cbegin(), teachings.cend(),
                           [&ownerId](const Teaching &teaching) { return teaching.classId == ownerId; });
    }
    return false;
}

bool DocumentSpace::managesFolderRow(const Record &folder) const
{
    return folder.text(u"establishment_id"_s) == m_workspace.establishmentId()
           && managesOwner(folder.text(u"owner_kind"_s), folder.text(u"owner_id"_s));
}

bool DocumentSpace::managesFolder(const QString &folderId) const
{
    const std::optional<Record> folder = m_workspace.row(kFolder, folderId);
    return folder && managesFolderRow(*folder);
}

bool DocumentSpace::managesDocument(const QString &documentId) const
{
    const std::optional<Record> document = m_workspace.row(kDocument, documentId);
    return document && managesFolder(document->text(u"folder_id"_s));
}

bool DocumentSpace::mayRenameDocument(const QString &documentId) const
{
    if (managesDocument(documentId))
        return true;
    const QList<Record> shares = m_workspace.select(kShare, u"document_id = ? AND account_id = ?"_s,
                                                    {documentId, m_workspace.accountId()});
    return std::any_of(shares.cbegin(), shares.cend(),
                       [](const Record &share) { return share.text(u"permission"_s) == u"write"_s; });
}

QList<DocumentSpace::Owner> DocumentSpace::owners() const
{
    QList<Owner> owners;
    if (!isAvailable())
        return owners;
    owners.append({u"account"_s, m_workspace.accountId(), tr("My documents")});

    const QString establishment = m_workspace.establishmentId();
    QSet<QString> classIds;
    QSet<QString> groupIds;
    for (const Record &folder : m_workspace.select(kFolder, u"establishment_id = ?"_s, {establishment})) {
        if (folder.text(u"owner_kind"_s) == u"school_class"_s)
            classIds.insert(folder.text(u"owner_id"_s));
        else if (folder.text(u"owner_kind"_s) == u"working_group"_s)
            groupIds.insert(folder.text(u"owner_id"_s));
    }
    // The classes whose space the account manages, even before their first
    // folder.
    for (const Record &schoolClass :
         m_workspace.select(u"school_class"_s, u"establishment_id = ?"_s, {establishment})) {
        if (managesOwner(u"school_class"_s, schoolClass.id()))
            classIds.insert(schoolClass.id());
    }
    for (const Record &member :
         m_workspace.select(u"working_group_member"_s, u"account_id = ?"_s, {m_workspace.accountId()}))
        groupIds.insert(member.text(u"working_group_id"_s));

    QCollator collator;
    collator.setNumericMode(true);
    const auto byName = [&collator](const Owner &a, const Owner &b) { return collator.compare(a.name, b.name) < 0; };
    QList<Owner> classes;
    for (const QString &id : std::as_const(classIds))
        classes.append({u"school_class"_s, id, m_workspace.audienceName(id, {})});
    std::sort(classes.begin(), classes.end(), byName);
    QList<Owner> groups;
    for (const QString &id : std::as_const(groupIds)) {
        const std::optional<Record> group = m_workspace.row(u"working_group"_s, id);
        if (group && group->text(u"establishment_id"_s) == establishment)
            groups.append({u"working_group"_s, id, group->text(u"name"_s)});
    }
    std::sort(groups.begin(), groups.end(), byName);
    return owners + classes + groups;
}

Core::Result<Record> DocumentSpace::createFolder(const Owner &owner, const QString &parentId, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error{ErrorCode::MissingField, u"document_folder.name"_s};
    if (!managesOwner(owner.kind, owner.id))
        return forbidden(u"document_folder.not_own_folder"_s);
    Record folder(kFolder, Core::newId());
    folder.set(u"establishment_id"_s, m_workspace.establishmentId());
    folder.set(u"owner_kind"_s, owner.kind);
    folder.set(u"owner_id"_s, owner.id);
    if (!parentId.isEmpty()) {
        const std::optional<Record> parent = m_workspace.row(kFolder, parentId);
        if (!parent)
            return Error{ErrorCode::NotFound, u"document_folder"_s};
        if (parent->text(u"owner_kind"_s) != owner.kind || parent->text(u"owner_id"_s) != owner.id)
            return forbidden(u"document_folder.not_own_folder"_s);
        folder.set(u"parent_id"_s, parentId);
    }
    folder.set(u"name"_s, trimmed);
    const Core::Result<qint64> written = m_workspace.create(folder);
    if (!written)
        return written.error();
    return folder;
}

Core::Status DocumentSpace::renameRow(const QString &type, const QString &id, const QString &name,
                                      const std::function<bool(const QString &)> &allowed)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error{ErrorCode::MissingField, type + u".name"_s};
    if (!m_workspace.row(type, id))
        return Error{ErrorCode::NotFound, type};
    if (!allowed(id))
        return forbidden(type + u".not_own_folder"_s);
    Record changes(type, id);
    changes.set(u"name"_s, trimmed);
    const Core::Result<qint64> written = m_workspace.update(changes, {u"name"_s});
    if (!written)
        return written.error();
    return {};
}

Core::Status DocumentSpace::renameFolder(const QString &folderId, const QString &name)
{
    return renameRow(kFolder, folderId, name, [this](const QString &id) { return managesFolder(id); });
}

QStringList DocumentSpace::subfoldersOf(const QString &folderId) const
{
    QStringList ids;
    for (const Record &folder : m_workspace.select(kFolder, u"parent_id = ?"_s, {folderId}))
        ids.append(folder.id());
    return ids;
}

void DocumentSpace::collectFolders(const QString &folderId, QStringList &into) const
{
    // A cycle of parents (rows from a faulty client) must not loop for ever.
    if (into.contains(folderId))
        return;
    into.append(folderId);
    for (const QString &child : subfoldersOf(folderId))
        collectFolders(child, into);
}

int DocumentSpace::contentCount(const QString &folderId) const
{
    QStringList folders;
    collectFolders(folderId, folders);
    int count = int(folders.size()) - 1;
    for (const QString &id : std::as_const(folders))
        count += int(m_workspace.select(kDocument, u"folder_id = ?"_s, {id}).size());
    return count;
}

Core::Status DocumentSpace::removeFolder(const QString &folderId)
{
    if (!m_workspace.row(kFolder, folderId))
        return Error{ErrorCode::NotFound, u"document_folder"_s};
    if (!managesFolder(folderId))
        return forbidden(u"document_folder.not_own_folder"_s);
    QStringList folders;
    collectFolders(folderId, folders);
    QList<Workspace::Write> writes;
    QStringList hashes;
    // Children before parents: shares, documents, then the deepest folders.
    for (auto folder = folders.crbegin(); folder != folders.crend(); ++folder) {
        for (const Record &document : m_workspace.select(kDocument, u"folder_id = ?"_s, {*folder})) {
            for (const Record &share : m_workspace.select(kShare, u"document_id = ?"_s, {document.id()}))
                writes.append({Workspace::Write::Kind::Remove, Record(kShare, share.id()), {}});
            writes.append({Workspace::Write::Kind::Remove, Record(kDocument, document.id()), {}});
            hashes.append(document.text(u"sha256"_s));
        }
        writes.append({Workspace::Write::Kind::Remove, Record(kFolder, *folder), {}});
    }
    const Core::Result<QList<qint64>> written = m_workspace.apply(writes);
    if (!written)
        return written.error();
    for (const QString &sha256 : std::as_const(hashes)) {
        if (!FileStates::isNamed(m_workspace, sha256))
            m_cache.remove(sha256);
    }
    return {};
}

Core::Result<Record> DocumentSpace::addDocument(const QString &folderId, const QString &filePath)
{
    const std::optional<Record> folder = m_workspace.row(kFolder, folderId);
    if (!folder)
        return Error{ErrorCode::NotFound, u"document_folder"_s};
    if (!managesFolderRow(*folder))
        return forbidden(u"document.not_own_folder"_s);
    const Core::Result<Sync::BlobCache::Imported> imported = m_cache.import(filePath, AttachmentStore::kMaxBytes);
    if (!imported)
        return imported.error();
    QString mime = imported->mimeType;
    if (mime.isEmpty() || mime.size() > kMaxMimeTypeLength)
        mime = u"application/octet-stream"_s;
    Record document(kDocument, Core::newId());
    document.set(u"establishment_id"_s, folder->text(u"establishment_id"_s));
    document.set(u"folder_id"_s, folderId);
    document.set(u"name"_s, AttachmentStore::sanitisedFileName(QFileInfo(filePath).fileName()));
    document.set(u"mime_type"_s, mime);
    document.set(u"size_bytes"_s, imported->size);
    document.set(u"sha256"_s, imported->sha256);
    document.set(u"uploaded_by"_s, m_workspace.accountId());
    document.set(u"uploaded_at"_s, m_workspace.nowMillis());
    const Core::Result<qint64> written = m_workspace.create(document);
    if (!written) {
        if (!FileStates::isNamed(m_workspace, imported->sha256))
            m_cache.remove(imported->sha256);
        return written.error();
    }
    return document;
}

Core::Status DocumentSpace::renameDocument(const QString &documentId, const QString &name)
{
    return renameRow(kDocument, documentId, name, [this](const QString &id) { return mayRenameDocument(id); });
}

Core::Status DocumentSpace::removeDocument(const QString &documentId)
{
    const std::optional<Record> document = m_workspace.row(kDocument, documentId);
    if (!document)
        return Error{ErrorCode::NotFound, u"document"_s};
    if (!managesDocument(documentId))
        return forbidden(u"document.not_own_folder"_s);
    QList<Workspace::Write> writes;
    for (const Record &share : m_workspace.select(kShare, u"document_id = ?"_s, {documentId}))
        writes.append({Workspace::Write::Kind::Remove, Record(kShare, share.id()), {}});
    writes.append({Workspace::Write::Kind::Remove, Record(kDocument, documentId), {}});
    const Core::Result<QList<qint64>> written = m_workspace.apply(writes);
    if (!written)
        return written.error();
    if (!FileStates::isNamed(m_workspace, document->text(u"sha256"_s)))
        m_cache.remove(document->text(u"sha256"_s));
    return {};
}

QString DocumentSpace::nameOfAccount(const QString &accountId) const
{
    const QString name = m_workspace.accountName(accountId);
    if (!name.isEmpty())
        return name;
    const QList<Record> members = m_workspace.select(u"staff_member"_s, u"account_id = ?"_s, {accountId}, u"id"_s);
    if (!members.isEmpty())
        return members.constFirst().text(u"first_name"_s) + u' ' + members.constFirst().text(u"last_name"_s);
    return tr("Someone of the school");
}

QList<Record> DocumentSpace::sharesOf(const QString &documentId) const
{
    QList<Record> shares = m_workspace.select(kShare, u"document_id = ?"_s, {documentId}, u"id"_s);
    QCollator collator;
    std::sort(shares.begin(), shares.end(), [&](const Record &a, const Record &b) {
        return collator.compare(nameOfAccount(a.text(u"account_id"_s)), nameOfAccount(b.text(u"account_id"_s))) < 0;
    });
    return shares;
}

QList<DocumentSpace::Person> DocumentSpace::shareCandidates(const QString &documentId) const
{
    QSet<QString> excluded{m_workspace.accountId()};
    for (const Record &share : m_workspace.select(kShare, u"document_id = ?"_s, {documentId}))
        excluded.insert(share.text(u"account_id"_s));
    const QString establishment = m_workspace.establishmentId();

    QList<Person> people;
    QHash<QString, qsizetype> byAccount;
    for (const Record &member : m_workspace.select(u"staff_member"_s, u"establishment_id = ?"_s, {establishment},
                                                   u"last_name, first_name, id"_s)) {
        const QString account = member.text(u"account_id"_s);
        if (account.isEmpty() || excluded.contains(account))
            continue;
        const QString role = roleName(member.text(u"role"_s));
        if (const auto known = byAccount.constFind(account); known != byAccount.constEnd()) {
            Person &person = people[*known];
            if (!role.isEmpty() && !person.detail.contains(role))
                person.detail = tr("%1, %2").arg(person.detail, role);
            continue;
        }
        byAccount.insert(account, people.size());
        people.append({account, member.text(u"first_name"_s) + u' ' + member.text(u"last_name"_s), role});
    }

    // A teacher may also share with the students of his classes, when the
    // replica knows their account.
    if (rolesHere().contains(Role::Teacher)) {
        QSet<QString> classes;
        for (const Teaching &teaching : m_workspace.teachings()) {
            if (!teaching.classId.isEmpty())
                classes.insert(teaching.classId);
        }
        for (const QString &classId : std::as_const(classes)) {
            const QString className = m_workspace.audienceName(classId, {});
            for (const Student &student : m_workspace.studentsOf(classId, {}, m_workspace.today())) {
                for (const Record &account : m_workspace.select(u"account"_s, u"person_id = ?"_s, {student.id})) {
                    if (excluded.contains(account.id()) || byAccount.contains(account.id()))
                        continue;
                    byAccount.insert(account.id(), people.size());
                    people.append({account.id(), student.displayName(), tr("Student, %1").arg(className)});
                }
            }
        }
    }
    return people;
}

Core::Result<Record> DocumentSpace::share(const QString &documentId, const QString &accountId, bool mayChange)
{
    const std::optional<Record> document = m_workspace.row(kDocument, documentId);
    if (!document)
        return Error{ErrorCode::NotFound, u"document"_s};
    if (!managesDocument(documentId))
        return forbidden(u"document_share.not_own_document"_s);
    Record share(kShare, Core::newId());
    share.set(u"establishment_id"_s, document->text(u"establishment_id"_s));
    share.set(u"document_id"_s, documentId);
    share.set(u"account_id"_s, accountId);
    share.set(u"permission"_s, mayChange ? u"write"_s : u"read"_s);
    share.set(u"shared_by"_s, m_workspace.accountId());
    share.set(u"shared_at"_s, m_workspace.nowMillis());
    const Core::Result<qint64> written = m_workspace.create(share);
    if (!written)
        return written.error();
    return share;
}

Core::Status DocumentSpace::removeShare(const QString &shareId)
{
    const std::optional<Record> share = m_workspace.row(kShare, shareId);
    if (!share)
        return Error{ErrorCode::NotFound, u"document_share"_s};
    if (!managesDocument(share->text(u"document_id"_s)))
        return forbidden(u"document_share.not_own_document"_s);
    const Core::Result<qint64> written = m_workspace.remove(kShare, shareId);
    if (!written)
        return written.error();
    return {};
}

} // namespace Cartable::Workspace
