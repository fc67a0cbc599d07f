// The cahier de textes of a teacher over a replica synced from a real server
// with the reference school: a lesson's entry saved once then changed, its
// homework added, changed and removed, files attached, the teaching's cahier
// listing it, and a student of the class seeing the homework after a sync.

#include "tests/support/syncedclient.h"

#include "core/errorcode.h"
#include "core/ids.h"
#include "sync/blobcache.h"
#include "workspace/lessons/attachmentstore.h"
#include "workspace/lessons/cahiermodel.h"
#include "workspace/lessons/homeworkmodel.h"
#include "workspace/lessons/lessonentry.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Test;
using namespace Qt::StringLiterals;
using Core::ErrorCode;
using Core::Record;

class TestLessonModels : public QObject
{
    Q_OBJECT

private:
    qint64 pending() const { return m_teacher->store().pendingCount().value(); }
    QString writeFile(const QString &name, const QByteArray &bytes) const
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<SyncedClient> m_teacher;
    // A student of the teaching's class, or else another computer of the
    // teacher: someone else who must see the homework after a sync.
    std::unique_ptr<SyncedClient> m_reader;
    Workspace::Teaching m_teaching;
    Record m_session;
    QString m_keptHomeworkId;
    QString m_contentTitle;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = startReferenceServer();
        QVERIFY(m_server);
        m_teacher = std::make_unique<SyncedClient>(m_server->url(), m_dir.filePath(u"teacher.sqlite"_s));
        QVERIFY2(m_teacher->signIn(QString::fromUtf16(kTeacherLogin)), qPrintable(m_teacher->errorString()));
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));

        auto student = std::make_unique<SyncedClient>(m_server->url(), m_dir.filePath(u"student.sqlite"_s));
        QVERIFY2(student->signIn(QString::fromUtf16(kStudentLogin)), qPrintable(student->errorString()));
        QVERIFY2(student->sync(), qPrintable(student->errorString()));
        Workspace::Workspace &seen = student->workspace();
        QStringList classes;
        for (const Record &membership : seen.select(u"class_membership"_s, u"student_id = ?"_s, {seen.personId()}))
            classes.append(membership.text(u"class_id"_s));
        QVERIFY(!classes.isEmpty());

        Workspace::Workspace &workspace = m_teacher->workspace();
        const QList<Workspace::Teaching> teachings = workspace.teachings();
        QVERIFY(!teachings.isEmpty());
        m_teaching = teachings.constFirst();
        bool studentsClass = false;
        for (const Workspace::Teaching &teaching : teachings) {
            if (classes.contains(teaching.classId)) {
                m_teaching = teaching;
                studentsClass = true;
                break;
            }
        }
        qInfo("the homework is read back by %s",
              studentsClass ? "a student of the class" : "another computer of the teacher");
        if (studentsClass) {
            m_reader = std::move(student);
        } else {
            m_reader = std::make_unique<SyncedClient>(m_server->url(), m_dir.filePath(u"teacher2.sqlite"_s));
            QVERIFY2(m_reader->signIn(QString::fromUtf16(kTeacherLogin)), qPrintable(m_reader->errorString()));
            QVERIFY2(m_reader->sync(), qPrintable(m_reader->errorString()));
        }

        // A lesson of one of the teaching's slots, next week.
        const bool byClass = !m_teaching.classId.isEmpty();
        const QList<Record> slots = workspace.select(u"timetable_slot"_s,
                                                     (byClass ? u"class_id"_s : u"group_id"_s)
                                                         + u" = ? AND subject_id = ? AND teacher_id = ?"_s,
                                                     {byClass ? m_teaching.classId : m_teaching.groupId,
                                                      m_teaching.subjectId, workspace.personId()});
        QVERIFY(!slots.isEmpty());
        const Record &slot = slots.constFirst();
        QDate day = workspace.today().addDays(7);
        while (day.dayOfWeek() != slot.number(u"weekday"_s))
            day = day.addDays(1);
        m_session = Record(u"lesson_session"_s, Core::newId());
        m_session.set(u"establishment_id"_s, workspace.establishmentId());
        m_session.set(u"slot_id"_s, slot.id());
        m_session.set(byClass ? u"class_id"_s : u"group_id"_s, byClass ? m_teaching.classId : m_teaching.groupId);
        m_session.set(u"subject_id"_s, m_teaching.subjectId);
        m_session.set(u"teacher_id"_s, workspace.personId());
        m_session.set(u"date"_s, day.toString(Qt::ISODate));
        m_session.set(u"start_minute"_s, slot.number(u"start_minute"_s));
        m_session.set(u"duration_minutes"_s, slot.number(u"duration_minutes"_s));
        QVERIFY(workspace.create(m_session).ok());
    }

    void cleanupTestCase()
    {
        m_reader.reset();
        m_teacher.reset();
        if (m_server && m_server->isRunning())
            QCOMPARE(m_server->stop(), 0);
    }

    void anUnknownSessionIsRefused()
    {
        Workspace::LessonEntry entry(m_teacher->workspace());
        const Core::Status refused = entry.setSessionId(Core::newId());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::NotFound);
        QVERIFY(!entry.save(u"Titre"_s, u"Contenu"_s).ok());
    }

    void contentIsCreatedThenUpdated()
    {
        Workspace::Workspace &workspace = m_teacher->workspace();
        Workspace::LessonEntry entry(workspace);
        QVERIFY(entry.setSessionId(m_session.id()).ok());
        QVERIFY(entry.contentId().isEmpty());
        const qint64 before = pending();

        // A blank content is refused and writes nothing.
        const Core::Status blank = entry.save(u"Les fractions"_s, u"   "_s);
        QVERIFY(!blank.ok());
        QCOMPARE(blank.error().code, ErrorCode::MissingField);
        QCOMPARE(pending(), before);
        QVERIFY(entry.contentId().isEmpty());

        m_contentTitle = u"Les fractions"_s;
        QVERIFY(entry.save(m_contentTitle, u"Définition et premiers exemples."_s).ok());
        QCOMPARE(pending(), before + 1);
        const QString id = entry.contentId();
        QVERIFY(!id.isEmpty());
        const std::optional<Record> created = workspace.row(u"lesson_content"_s, id);
        QVERIFY(created);
        QCOMPARE(created->text(u"session_id"_s), m_session.id());
        QCOMPARE(created->text(u"date"_s), m_session.text(u"date"_s));
        QCOMPARE(created->text(u"subject_id"_s), m_teaching.subjectId);
        QCOMPARE(created->text(u"teacher_id"_s), workspace.personId());

        // Saving the same text again writes nothing.
        QVERIFY(entry.save(m_contentTitle, u"Définition et premiers exemples."_s).ok());
        QCOMPARE(pending(), before + 1);

        QVERIFY(entry.save(m_contentTitle, u"Définition, premiers exemples et exercices."_s).ok());
        QCOMPARE(pending(), before + 2);
        QCOMPARE(entry.contentId(), id);
        QCOMPARE(workspace.row(u"lesson_content"_s, id)->text(u"content"_s),
                 u"Définition, premiers exemples et exercices."_s);

        const Core::Status tooLong = entry.save(QString(201, u'x'), u"Contenu"_s);
        QVERIFY(!tooLong.ok());
        QCOMPARE(tooLong.error().code, ErrorCode::FieldTooLong);
        QCOMPARE(pending(), before + 2);

        // A second entry on the same session finds what was saved.
        Workspace::LessonEntry again(workspace);
        QVERIFY(again.setSessionId(m_session.id()).ok());
        QCOMPARE(again.contentId(), id);
        QCOMPARE(again.title(), m_contentTitle);
    }

    void homeworkIsAddedUpdatedAndRemoved()
    {
        Workspace::Workspace &workspace = m_teacher->workspace();
        Workspace::LessonEntry entry(workspace);
        QVERIFY(entry.setSessionId(m_session.id()).ok());
        Workspace::HomeworkModel *model = entry.homework();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model->rowCount(), 0);

        const QDate sessionDay = entry.date();
        const QDate due = model->defaultDueDate();
        QVERIFY(due > sessionDay);
        QVERIFY(due <= sessionDay.addDays(28));

        const qint64 before = pending();
        Workspace::HomeworkDraft draft;
        draft.text = u"Exercices 3 et 4 page 52"_s;
        draft.estimatedMinutes = 30;
        const Core::Result<QString> added = model->add(draft);
        QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().context));
        QCOMPARE(pending(), before + 1);
        QCOMPARE(model->rowCount(), 1);
        const std::optional<Record> homework = workspace.row(u"homework"_s, *added);
        QVERIFY(homework);
        QCOMPARE(homework->text(u"assigned_on"_s), sessionDay.toString(Qt::ISODate));
        QCOMPARE(homework->text(u"due_on"_s), due.toString(Qt::ISODate));
        QCOMPARE(homework->text(u"session_id"_s), m_session.id());
        QCOMPARE(homework->number(u"estimated_minutes"_s), 30);

        draft = *model->draft(*added);
        draft.text = u"Exercices 3 à 6 page 52"_s;
        draft.estimatedMinutes.reset();
        draft.requiresSubmission = true;
        QVERIFY(model->update(*added, draft).ok());
        QCOMPARE(pending(), before + 2);
        QCOMPARE(model->data(model->index(0), Workspace::HomeworkModel::TextRole).toString(), draft.text);
        QVERIFY(!model->data(model->index(0), Workspace::HomeworkModel::EstimatedMinutesRole).isValid());
        QVERIFY(model->data(model->index(0), Workspace::HomeworkModel::RequiresSubmissionRole).toBool());

        // Refused drafts write nothing.
        Workspace::HomeworkDraft early = draft;
        early.dueOn = sessionDay.addDays(-1);
        const Core::Result<QString> refused = model->add(early);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::InconsistentFields);
        QCOMPARE(refused.error().context, u"homework.due_after_assigned"_s);
        const Core::Status refusedUpdate = model->update(*added, early);
        QVERIFY(!refusedUpdate.ok());
        QCOMPARE(refusedUpdate.error().code, ErrorCode::InconsistentFields);
        Workspace::HomeworkDraft empty = draft;
        empty.text = u"  "_s;
        QCOMPARE(model->add(empty).error().code, ErrorCode::MissingField);
        Workspace::HomeworkDraft tooLong = draft;
        tooLong.text = QString(5001, u'a');
        QCOMPARE(model->add(tooLong).error().code, ErrorCode::FieldTooLong);
        QCOMPARE(pending(), before + 2);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(workspace.row(u"homework"_s, *added)->text(u"text"_s), draft.text);

        QVERIFY(model->remove(*added).ok());
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(!workspace.row(u"homework"_s, *added));

        // The homework the other tests and the sync follow.
        Workspace::HomeworkDraft kept;
        kept.text = u"Apprendre la définition d'une fraction"_s;
        kept.dueOn = sessionDay.addDays(2);
        const Core::Result<QString> keptId = model->add(kept);
        QVERIFY(keptId.ok());
        m_keptHomeworkId = *keptId;
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->idAt(0), m_keptHomeworkId);
    }

    void filesAreAttachedAndRefusedWhenTooLargeOrOfARefusedType()
    {
        QVERIFY(!m_keptHomeworkId.isEmpty());
        Workspace::Workspace &workspace = m_teacher->workspace();
        Sync::BlobCache cache(m_dir.filePath(u"teacher.sqlite"_s));
        Workspace::AttachmentStore store(workspace, cache);
        const QByteArray bytes = "Fiche d'exercices\nExercice 1 : simplifier 12/18.\n";
        const QString path = writeFile(u"fiche: fractions.txt"_s, bytes);
        QVERIFY(!path.isEmpty());
        const qint64 before = pending();

        const Core::Result<Record> added = store.add(u"homework"_s, m_keptHomeworkId, path);
        QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().context));
        QCOMPARE(pending(), before + 1);
        const QString sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        QCOMPARE(added->text(u"sha256"_s), sha256);
        QCOMPARE(added->number(u"size_bytes"_s), bytes.size());
        QCOMPARE(added->text(u"file_name"_s), u"fiche_ fractions.txt"_s);
        QCOMPARE(added->text(u"mime_type"_s), u"text/plain"_s);
        QCOMPARE(added->text(u"uploaded_by"_s), workspace.accountId());
        const QString blob = store.localPath(sha256);
        QVERIFY(!blob.isEmpty());
        // The teacher's replica has a folder of its own, never shared with
        // another account's replica.
        QCOMPARE(QFileInfo(blob).absolutePath(), QFileInfo(m_dir.filePath(u"teacher.sqlite.blobs/x"_s)).absolutePath());
        QCOMPARE(store.blobDirectory(), cache.folder());
        // A copy of the teacher's file is his alone, as the replica is.
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                                                | QFileDevice::ReadOther | QFileDevice::WriteOther
                                                | QFileDevice::ExeOther;
        QCOMPARE(QFileInfo(blob).permissions() & others, QFileDevice::Permissions());
        QCOMPARE(QFileInfo(QFileInfo(blob).absolutePath()).permissions() & others, QFileDevice::Permissions());
        QFile kept(blob);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(QCryptographicHash::hash(kept.readAll(), QCryptographicHash::Sha256).toHex(), sha256.toLatin1());
        QCOMPARE(store.attachmentsOf(u"homework"_s, m_keptHomeworkId).size(), 1);

        // One byte over the largest file, sparse: nothing is read of it.
        const QString large = writeFile(u"large.txt"_s, "a");
        QVERIFY(!large.isEmpty());
        QVERIFY(QFile::resize(large, Workspace::AttachmentStore::kMaxBytes + 1));
        const Core::Result<Record> tooLarge = store.add(u"homework"_s, m_keptHomeworkId, large);
        QVERIFY(!tooLarge.ok());
        QCOMPARE(tooLarge.error().code, ErrorCode::PayloadTooLarge);
        QFile::remove(large);
        // A program is refused on its bytes, whatever its name.
        const Core::Result<Record> program = store.add(u"homework"_s, m_keptHomeworkId,
                                                       writeFile(u"exercices.pdf"_s,
                                                                 QByteArray("MZ\x90\x00", 4) + QByteArray(200, '\0')));
        QVERIFY(!program.ok());
        QCOMPARE(program.error().code, ErrorCode::FileTypeRefused);
        const Core::Result<Record> emptyFile = store.add(u"homework"_s, m_keptHomeworkId,
                                                         writeFile(u"empty.txt"_s, {}));
        QCOMPARE(emptyFile.error().code, ErrorCode::MissingField);
        QCOMPARE(store.add(u"homework"_s, m_keptHomeworkId, m_dir.filePath(u"missing.pdf"_s)).error().code,
                 ErrorCode::NotFound);
        QCOMPARE(pending(), before + 1);
        QCOMPARE(store.attachmentsOf(u"homework"_s, m_keptHomeworkId).size(), 1);

        // A second attachment, removed with its blob.
        const QByteArray other = "Corrigé";
        const Core::Result<Record> second = store.add(u"homework"_s, m_keptHomeworkId,
                                                      writeFile(u"corrige.txt"_s, other));
        QVERIFY(second.ok());
        QVERIFY(!store.localPath(second->text(u"sha256"_s)).isEmpty());
        QVERIFY(store.remove(second->id()).ok());
        QVERIFY(store.localPath(second->text(u"sha256"_s)).isEmpty());
        QCOMPARE(store.attachmentsOf(u"homework"_s, m_keptHomeworkId).size(), 1);

        QCOMPARE(Workspace::AttachmentStore::sanitisedFileName(u" .. "_s), u"file"_s);
        QCOMPARE(Workspace::AttachmentStore::sanitisedFileName(u"a/b\\c?.pdf"_s), u"a_b_c_.pdf"_s);
        const QString longName = Workspace::AttachmentStore::sanitisedFileName(QString(300, u'n') + u".pdf"_s);
        QCOMPARE(longName.size(), 255);
        QVERIFY(longName.endsWith(u".pdf"_s));
    }

    void theCahierListsTheEntry()
    {
        Workspace::Workspace &workspace = m_teacher->workspace();
        Workspace::CahierModel model(workspace);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setTeaching(m_teaching);
        QVERIFY(model.rowCount() > 0);
        const int row = model.rowOfSession(m_session.id());
        QVERIFY(row >= 0);
        // Most recent first: the session of next week comes before today's.
        QCOMPARE(row, 0);
        QCOMPARE(model.data(model.index(row, Workspace::CahierModel::TitleColumn)).toString(), m_contentTitle);
        QVERIFY(model.data(model.index(row, Workspace::CahierModel::HomeworkColumn))
                    .toString()
                    .contains(u"Apprendre la définition"_s));
        QCOMPARE(model.data(model.index(row, 0), Workspace::CahierModel::HomeworkIdsRole).toStringList(),
                 QStringList{m_keptHomeworkId});
        QCOMPARE(model.data(model.index(row, 0), Workspace::CahierModel::DateRole).toDate(),
                 QDate::fromString(m_session.text(u"date"_s), Qt::ISODate));
        for (int r = 1; r < model.rowCount(); ++r) {
            QVERIFY(model.data(model.index(r - 1, 0), Workspace::CahierModel::DateRole).toDate()
                    >= model.data(model.index(r, 0), Workspace::CahierModel::DateRole).toDate());
        }

        // A change of the entry's title keeps the rows and updates the cell.
        Workspace::LessonEntry entry(workspace);
        QVERIFY(entry.setSessionId(m_session.id()).ok());
        const int rows = model.rowCount();
        QVERIFY(entry.save(u"Les fractions (suite)"_s, entry.content()).ok());
        QCOMPARE(model.rowCount(), rows);
        QCOMPARE(model.data(model.index(row, Workspace::CahierModel::TitleColumn)).toString(),
                 u"Les fractions (suite)"_s);
    }

    void theHomeworkReachesTheClassAfterASync()
    {
        QVERIFY(!m_keptHomeworkId.isEmpty());
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        QCOMPARE(pending(), 0);
        QVERIFY2(m_reader->sync(), qPrintable(m_reader->errorString()));
        const std::optional<Record> homework = m_reader->workspace().row(u"homework"_s, m_keptHomeworkId);
        QVERIFY(homework);
        QCOMPARE(homework->text(u"text"_s), u"Apprendre la définition d'une fraction"_s);
        QCOMPARE(m_reader->workspace()
                     .select(u"attachment"_s, u"owner_type = ? AND owner_id = ?"_s, {u"homework"_s, m_keptHomeworkId})
                     .size(),
                 1);
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestLessonModels)
#include "tst_lessonmodels.moc"
