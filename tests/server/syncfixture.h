// What the server's sync tests share: a generated school indexed for sync
// on the backend named by CARTABLE_TEST_BACKEND, a client's view of what it
// pulled, and the pushes and pulls the tests make.
#pragma once

#include "core/policy/actorfacts.h"
#include "tests/support/testdatabase.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <utility>

namespace Cartable::Server {
class BlobStorage;
}

namespace Cartable::Test {

// What a client holds after pulling: rows by "type/id" with their versions,
// and which buckets hold each.
struct PulledReplica
{
    QHash<QString, QJsonObject> rows;
    QHash<QString, qint64> versions;
    QHash<QString, QSet<QString>> members;
    QString cursor;
    int pages = 0;
    bool sawReset = false;

    void apply(const QJsonObject &page);
    // The "type/id" of every row held.
    QSet<QString> keys() const;
};

class SyncFixture : public QObject
{
protected:
    // The school at scale 0.02 (seed 7), indexed, with the files of its
    // documents in `files` when given; fails the test case when it cannot be
    // made.
    void openSchool(Server::BlobStorage *files = nullptr);
    void closeSchool();

    QString accountOf(const QString &login);
    Core::ActorFacts facts(const QString &login);
    // Pulls until nothing more comes, or `maxPages`.
    void pullInto(PulledReplica &replica, const Core::ActorFacts &actor, int limit, int maxPages = 100000);
    // Every row of the database that `actor` may read, by "type/id".
    QSet<QString> visibleRows(const Core::ActorFacts &actor);
    QJsonObject push(const Core::ActorFacts &actor, const QString &client, const QJsonArray &mutations);
    static QJsonObject update(qint64 number, const QString &type, const QString &id, const QJsonObject &fields,
                              qint64 base, qint64 millis);
    static QJsonObject removal(qint64 number, const QString &type, const QString &id, qint64 base, qint64 millis);
    // A mark out of 20 of one of the teacher's evaluations in an open period,
    // and its version.
    static std::pair<QJsonObject, qint64> teachersGrade(const PulledReplica &replica, const QString &teacherPerson,
                                                        int skip = 0);
    qint64 feedHead();
    // "applied", "conflict", or "rejected code context": the first result.
    static QString describe(const QJsonObject &answer);

    std::unique_ptr<TestDatabase> m_database;
    QSqlDatabase m_db;
    qint64 m_now = 1735000000000; // 2024-12-24
};

} // namespace Cartable::Test
