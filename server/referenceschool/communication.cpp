// Messages in threads, news, working groups and their documents, and the
// files attached to rows.

#include "frenchnames.h"
#include "referencefiles.h"
#include "schoolbuilder.h"

#include <QSet>

namespace Cartable::Server {

using namespace Qt::StringLiterals;
namespace Names = ReferenceNames;
namespace Entity = Core::Entity;

namespace {

struct ThreadPlan
{
    QString id;
    QList<int> participants; // accounts; the first is the author
    int copied = -1;         // a participant in cc
    qint64 createdAt = 0;
    qint64 lastAt = 0;
    qint64 messages = 1;
};

QString messageBody(Prng &rng)
{
    return rng.pick(Names::messageOpenings()) + u"\n\n"_s + rng.pick(Names::messageSentences()) + u' '
           + rng.pick(Names::messageSentences()) + u"\n\n"_s + rng.pick(Names::messageClosings());
}

// Who writes to whom: a teacher and families, the staff and teachers, a
// teacher and students, a family and the vie scolaire.
ThreadPlan planThread(SchoolBuilder &b)
{
    ThreadPlan thread;
    const double draw = b.rng.unit();
    auto addUnique = [&](int account) {
        if (account >= 0 && !thread.participants.contains(account))
            thread.participants.append(account);
    };
    if (draw < 0.4) {
        const int student = b.rng.pick(b.students);
        const QList<int> &guardians = b.persons.at(student).guardians;
        const bool fromTeacher = b.rng.chance(0.5);
        const int teacher = b.randomAccountOf(b.teachers);
        if (fromTeacher)
            addUnique(teacher);
        for (int guardian : guardians)
            addUnique(b.persons.at(guardian).account);
        if (!fromTeacher)
            addUnique(teacher);
    } else if (draw < 0.6) {
        addUnique(b.randomAccountOf(b.staff));
        for (qint64 n = b.rng.range(1, 3); n > 0; --n)
            addUnique(b.randomAccountOf(b.teachers));
    } else if (draw < 0.8) {
        addUnique(b.randomAccountOf(b.teachers));
        for (qint64 n = b.rng.range(1, 3); n > 0; --n)
            addUnique(b.randomAccountOf(b.students));
    } else if (draw < 0.9) {
        const int student = b.rng.pick(b.students);
        const QList<int> &guardians = b.persons.at(student).guardians;
        if (!guardians.isEmpty())
            addUnique(b.persons.at(guardians.constFirst()).account);
        addUnique(b.cpeAccount);
    } else {
        addUnique(b.randomAccountOf(b.students));
        addUnique(b.randomAccountOf(b.teachers));
    }
    if (thread.participants.size() < 2)
        addUnique(b.cpeAccount == thread.participants.value(0) ? b.headAccount : b.cpeAccount);
    if (b.rng.chance(0.1) && !thread.participants.contains(b.headAccount)) {
        thread.copied = b.headAccount;
        thread.participants.append(b.headAccount);
    }
    thread.createdAt = b.timeOn(b.schoolDayBetween(b.yearStart, b.today.addDays(-1)), 7 * 60, 21 * 60);
    return thread;
}

bool emitMessages(SchoolBuilder &b)
{
    const qint64 messageCount = b.count(20000);
    const qint64 threadCount = std::max<qint64>(1, std::llround(double(messageCount) / 4.0));
    QList<ThreadPlan> threads;
    for (qint64 t = 0; t < threadCount; ++t) {
        ThreadPlan thread = planThread(b);
        Core::Record r = b.record(Entity::MessageThread);
        thread.id = r.id();
        r.set(u"establishment_id"_s, b.establishments.at(0));
        r.set(u"subject"_s, b.rng.pick(Names::messageSubjects()));
        r.set(u"created_by"_s, b.accounts.at(thread.participants.constFirst()).id);
        r.set(u"created_at"_s, thread.createdAt);
        if (!b.add(r))
            return false;
        threads.append(thread);
    }
    for (qint64 extra = messageCount - threadCount; extra > 0; --extra)
        ++threads[qsizetype(b.rng.below(std::uint64_t(threadCount)))].messages;

    for (ThreadPlan &thread : threads) {
        qint64 sentAt = thread.createdAt;
        for (qint64 m = 0; m < thread.messages; ++m) {
            const int author = m == 0 ? thread.participants.constFirst() : b.rng.pick(thread.participants);
            Core::Record r = b.record(Entity::Message);
            r.set(u"establishment_id"_s, b.establishments.at(0));
            r.set(u"thread_id"_s, thread.id);
            r.set(u"author_id"_s, b.accounts.at(author).id);
            r.set(u"body"_s, messageBody(b.rng));
            r.set(u"sent_at"_s, sentAt);
            if (b.rng.chance(0.03))
                b.attachables.append({r.type(), r.id(), author, sentAt});
            if (!b.add(r))
                return false;
            thread.lastAt = sentAt;
            sentAt += b.rng.range(10, 48 * 60) * 60000;
        }
    }
    for (const ThreadPlan &thread : threads) {
        for (qsizetype p = 0; p < thread.participants.size(); ++p) {
            const int account = thread.participants.at(p);
            Core::Record r = b.record(Entity::MessageRecipient);
            r.set(u"establishment_id"_s, b.establishments.at(0));
            r.set(u"thread_id"_s, thread.id);
            r.set(u"account_id"_s, b.accounts.at(account).id);
            r.set(u"kind"_s, p == 0 ? u"author"_s : (account == thread.copied ? u"cc"_s : u"to"_s));
            if (p == 0)
                r.set(u"read_at"_s, thread.lastAt);
            else if (b.rng.chance(0.7))
                r.set(u"read_at"_s, thread.lastAt + b.rng.range(1, 24 * 60) * 60000);
            r.set(u"archived"_s, b.rng.chance(0.05));
            if (!b.add(r))
                return false;
        }
    }
    return true;
}

bool emitNews(SchoolBuilder &b)
{
    const qint64 total = b.count(60);
    for (qint64 n = 0; n < total; ++n) {
        const double draw = b.rng.unit();
        const QString audience = draw < 0.5    ? u"establishment"_s
                                 : draw < 0.75 ? u"class"_s
                                 : draw < 0.85 ? u"group"_s
                                               : u"staff"_s;
        const int author = audience == u"class"_s || audience == u"group"_s ? b.randomAccountOf(b.teachers)
                           : b.rng.chance(0.5)                              ? b.headAccount
                                                                            : b.cpeAccount;
        const qint64 publishedAt = b.timeOn(b.schoolDayBetween(b.yearStart, b.today), 7 * 60, 19 * 60);
        Core::Record r = b.record(Entity::NewsPost);
        r.set(u"establishment_id"_s, b.establishments.at(0));
        r.set(u"audience"_s, audience);
        if (audience == u"class"_s)
            r.set(u"class_id"_s, b.classes.at(qsizetype(b.rng.below(std::uint64_t(b.classes.size())))).id);
        if (audience == u"group"_s)
            r.set(u"group_id"_s, b.groups.at(qsizetype(b.rng.below(std::uint64_t(b.groups.size())))).id);
        r.set(u"title"_s, b.rng.pick(Names::newsTitles()));
        r.set(u"body"_s, messageBody(b.rng));
        r.set(u"author_id"_s, b.accounts.at(author).id);
        r.set(u"published_at"_s, publishedAt);
        r.set(u"pinned"_s, b.rng.chance(0.1));
        if (b.rng.chance(0.2))
            b.attachables.append({r.type(), r.id(), author, publishedAt});
        if (!b.add(r))
            return false;
    }
    return true;
}

struct FolderPlan
{
    QString id;
    int account; // who fills it
};

bool emitWorkingGroupsAndDocuments(SchoolBuilder &b)
{
    static const QStringList names{u"Projet théâtre"_s,          u"Conseil pédagogique"_s,
                                   u"Voyage en Espagne"_s,       u"Éco-délégués"_s,
                                   u"Semaine des sciences"_s,    u"Liaison collège-lycée"_s,
                                   u"Équipe de Mathématiques"_s, u"Orientation"_s};
    QList<int> adults = b.teachers + b.staff;
    struct Group
    {
        QString id;
        int owner;
        qint64 createdAt;
    };
    QList<Group> workingGroups;
    const qint64 total = b.count(8);
    for (qint64 n = 0; n < total; ++n) {
        const int owner = b.randomAccountOf(b.teachers);
        const qint64 createdAt = b.timeOn(b.schoolDayBetween(b.yearStart, b.today), 8 * 60, 18 * 60);
        Core::Record r = b.record(Entity::WorkingGroup);
        r.set(u"establishment_id"_s, b.establishments.at(0));
        r.set(u"name"_s,
              n < names.size() ? names.at(n) : u"%1 %2"_s.arg(names.at(n % names.size())).arg(n / names.size() + 1));
        r.set(u"description"_s, u"Espace de travail partagé."_s);
        r.set(u"created_by"_s, b.accounts.at(owner).id);
        r.set(u"created_at"_s, createdAt);
        if (!b.add(r))
            return false;
        workingGroups.append({r.id(), owner, createdAt});
    }
    QList<QList<int>> members;
    for (const Group &group : workingGroups) {
        QList<int> accounts{group.owner};
        for (qint64 n = b.rng.range(3, 9); n > 0; --n) {
            const int account = b.randomAccountOf(adults);
            if (!accounts.contains(account))
                accounts.append(account);
        }
        for (qsizetype m = 0; m < accounts.size(); ++m) {
            Core::Record r = b.record(Entity::WorkingGroupMember);
            r.set(u"establishment_id"_s, b.establishments.at(0));
            r.set(u"working_group_id"_s, group.id);
            r.set(u"account_id"_s, b.accounts.at(accounts.at(m)).id);
            r.set(u"role"_s, m == 0 ? u"owner"_s : u"member"_s);
            if (!b.add(r))
                return false;
        }
        members.append(accounts);
    }

    QList<FolderPlan> folders;
    auto addFolder = [&](const QString &kind, const QString &owner, const QString &parent, const QString &name,
                         int account) {
        Core::Record r = b.record(Entity::DocumentFolder);
        r.set(u"establishment_id"_s, b.establishments.at(0));
        r.set(u"owner_kind"_s, kind);
        r.set(u"owner_id"_s, owner);
        if (!parent.isEmpty())
            r.set(u"parent_id"_s, parent);
        r.set(u"name"_s, name);
        folders.append({r.id(), account});
        return b.add(r);
    };
    for (qsizetype g = 0; g < workingGroups.size(); ++g) {
        if (!addFolder(u"working_group"_s, workingGroups.at(g).id, {}, u"Documents"_s, workingGroups.at(g).owner)
            || !addFolder(u"working_group"_s, workingGroups.at(g).id, folders.constLast().id, u"Comptes rendus"_s,
                          b.rng.pick(members.at(g)))) {
            return false;
        }
    }
    for (const ClassPlan &schoolClass : b.classes) {
        const int teacher = schoolClass.mainTeacher >= 0 ? schoolClass.mainTeacher : b.teachers.constFirst();
        if (!addFolder(u"school_class"_s, schoolClass.id, {}, u"Classe "_s + schoolClass.code,
                       b.persons.at(teacher).account)) {
            return false;
        }
    }
    const qint64 personal = std::min<qint64>(b.teachers.size(), b.count(20));
    for (qint64 t = 0; t < personal; ++t) {
        const int account = b.persons.at(b.teachers.at(t)).account;
        if (!addFolder(u"account"_s, b.accounts.at(account).id, {}, u"Mes documents"_s, account))
            return false;
    }

    struct DocumentPlan
    {
        QString id;
        int uploader;
        qint64 at;
    };
    QList<DocumentPlan> documents;
    for (const FolderPlan &folder : folders) {
        for (qint64 n = b.rng.range(1, 5); n > 0; --n) {
            // Real files, a few shared by many rows (referencefiles.h).
            const ReferenceFile &file = b.rng.pick(referenceFiles());
            const qint64 uploadedAt = b.timeOn(b.schoolDayBetween(b.yearStart, b.today), 7 * 60, 22 * 60);
            Core::Record r = b.record(Entity::Document);
            r.set(u"establishment_id"_s, b.establishments.at(0));
            r.set(u"folder_id"_s, folder.id);
            r.set(u"name"_s, file.name);
            r.set(u"mime_type"_s, file.mimeType);
            r.set(u"size_bytes"_s, qint64(file.bytes.size()));
            r.set(u"sha256"_s, file.sha256);
            r.set(u"uploaded_by"_s, b.accounts.at(folder.account).id);
            r.set(u"uploaded_at"_s, uploadedAt);
            if (!b.add(r))
                return false;
            documents.append({r.id(), folder.account, uploadedAt});
        }
    }
    for (qsizetype d = 0; d < documents.size(); ++d) {
        const DocumentPlan &document = documents.at(d);
        // The first document is always shared, so that even a tiny school has a share.
        if (!b.rng.chance(0.2) && d > 0)
            continue;
        QList<int> shared;
        for (qint64 n = b.rng.range(1, 2); n > 0; --n) {
            int account = b.randomAccountOf(adults);
            for (int attempt = 0; attempt < 10 && account == document.uploader; ++attempt)
                account = b.randomAccountOf(adults);
            if (account == document.uploader || shared.contains(account))
                continue;
            shared.append(account);
            Core::Record r = b.record(Entity::DocumentShare);
            r.set(u"establishment_id"_s, b.establishments.at(0));
            r.set(u"document_id"_s, document.id);
            r.set(u"account_id"_s, b.accounts.at(account).id);
            r.set(u"permission"_s, b.rng.chance(0.7) ? u"read"_s : u"write"_s);
            r.set(u"shared_by"_s, b.accounts.at(document.uploader).id);
            r.set(u"shared_at"_s, document.at + b.rng.range(1, 72) * 3600000);
            if (!b.add(r))
                return false;
        }
    }
    return true;
}

bool emitAttachments(SchoolBuilder &b)
{
    for (const Attachable &owner : b.attachables) {
        const ReferenceFile &file = b.rng.pick(referenceFiles());
        Core::Record r = b.record(Entity::Attachment);
        r.set(u"establishment_id"_s, b.establishments.at(0));
        r.set(u"owner_type"_s, owner.ownerType);
        r.set(u"owner_id"_s, owner.ownerId);
        r.set(u"file_name"_s, file.name);
        r.set(u"mime_type"_s, file.mimeType);
        r.set(u"size_bytes"_s, qint64(file.bytes.size()));
        r.set(u"sha256"_s, file.sha256);
        r.set(u"uploaded_by"_s, b.accounts.at(owner.account).id);
        r.set(u"uploaded_at"_s, owner.at);
        if (!b.add(r))
            return false;
    }
    return true;
}

} // namespace

bool emitCommunication(SchoolBuilder &b)
{
    return emitMessages(b) && emitNews(b) && emitWorkingGroupsAndDocuments(b) && emitAttachments(b);
}

} // namespace Cartable::Server
