#include "simulation.h"

#include "invariants.h"

#include "server/accountstore.h"
#include "server/referenceschool/demodatacommand.h"
#include "server/serverdatabase.h"
#include "server/sync/feedstore.h"

#include "core/ids.h"
#include "core/sqlstatement.h"
#include "sync/blobcache.h"
#include "sync/blobtransfer.h"
#include "sync/replicafiles.h"
#include "sync/replicastore.h"
#include "workspace/workspace.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>

namespace Cartable::Chaos {

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

namespace {

constexpr qint64 kHour = 3600 * 1000;

// A version 4 UUID, as QUuid::createUuid() makes, from the seed's numbers.
QString seededId(Rng &rng)
{
    const std::uint64_t high = rng.next();
    const std::uint64_t low = rng.next();
    QUuid id(static_cast<uint>(high >> 32), static_cast<ushort>(high >> 16), static_cast<ushort>(high),
             static_cast<uchar>(low >> 56), static_cast<uchar>(low >> 48), static_cast<uchar>(low >> 40),
             static_cast<uchar>(low >> 32), static_cast<uchar>(low >> 24), static_cast<uchar>(low >> 16),
             static_cast<uchar>(low >> 8), static_cast<uchar>(low));
    id.data3 = static_cast<ushort>((id.data3 & 0x0fff) | 0x4000);
    id.data4[0] = static_cast<uchar>((id.data4[0] & 0x3f) | 0x80);
    return id.toString(QUuid::WithoutBraces);
}

// Friday 4 April 2025, 10:00 in Paris: "today" in the reference school.
qint64 schoolNow()
{
    return QDateTime(QDate(2025, 4, 4), QTime(10, 0), QTimeZone("Europe/Paris")).toMSecsSinceEpoch();
}

Core::Result<QList<QStringList>> query(const QSqlDatabase &db, const QString &sql, int columns)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return Core::databaseError(q);
    QList<QStringList> rows;
    while (q.next()) {
        QStringList row;
        for (int c = 0; c < columns; ++c)
            row << q.value(c).toString();
        rows << row;
    }
    return rows;
}

bool copyFolder(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    const QDir source(from);
    for (const QFileInfo &entry : source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString target = QDir(to).filePath(entry.fileName());
        if (entry.isDir() ? !copyFolder(entry.filePath(), target) : !QFile::copy(entry.filePath(), target))
            return false;
    }
    return true;
}

} // namespace

Core::Result<World> prepareWorld(const QString &folder)
{
    World world;
    world.templatePath = QDir(folder).filePath(u"school.db"_s);
    Server::DemoDataOptions options;
    options.database = world.templatePath;
    options.blobDir = world.templatePath + u".blobs"_s;
    options.school.scale = 0.02;
    options.school.seed = 1;
    if (Server::runDemoData(options) != 0)
        return Error{ErrorCode::Internal, u"the reference school could not be generated"_s};

    Core::Result<QSqlDatabase> opened = Server::openServerDatabase(world.templatePath, u"chaos-world"_s);
    if (!opened)
        return opened.error();
    QSqlDatabase db = *opened;
    opened = QSqlDatabase();
    // Every teacher, the vie scolaire, the secretariat and the head; two
    // families with legal responsibility and two students.
    const QString sql = u"SELECT a.id, a.login, r.role, a.person_id FROM account a JOIN account_role r ON "
                        "r.account_id = a.id WHERE r.role IN ('teacher', 'vie_scolaire', 'secretariat', 'head') "
                        "UNION ALL SELECT * FROM (SELECT DISTINCT a.id, a.login, 'guardian', a.person_id FROM account "
                        "a JOIN guardian_link g ON g.guardian_id = a.person_id WHERE g.legal_responsibility = 1 "
                        "ORDER BY a.login LIMIT 2) UNION ALL SELECT * FROM (SELECT a.id, a.login, r.role, a.person_id "
                        "FROM account a JOIN account_role r ON r.account_id = a.id WHERE r.role = 'student' ORDER BY "
                        "a.login LIMIT 2) ORDER BY 3, 2"_s;
    Core::Result<QList<QStringList>> found = query(db, sql, 4);
    if (found) {
        Server::AccountStore accounts(db);
        for (const QStringList &row : *found) {
            Core::Result<Core::UserProfile> profile = accounts.profile(row.at(0));
            if (!profile) {
                found = profile.error();
                break;
            }
            world.actors.append({row.at(0), row.at(1), row.at(2), row.at(3), *profile});
        }
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"chaos-world"_s);
    if (!found)
        return found.error();
    if (world.actors.size() < 6)
        return Error{ErrorCode::Internal, u"the reference school lacks the accounts the simulation needs"_s};

    world.devices = world.actors;
    for (const QString &role : {u"teacher"_s, u"guardian"_s}) {
        const auto first = std::find_if(world.actors.cbegin(), world.actors.cend(),
                                        [&role](const Actor &actor) { return actor.role == role; });
        if (first != world.actors.cend())
            world.devices.append(*first);
    }
    // The first syncs, once, without faults, with ids from a fixed seed so
    // that every process makes the same replicas. The pulls store their
    // bucket sets in the school's database, which the runs then copy.
    Rng ids(0x1d5);
    Core::setIdSource([&ids] { return seededId(ids); });
    const auto restoreIds = qScopeGuard([] { Core::setIdSource({}); });
    Scheduler scheduler(schoolNow());
    Rng rng(1);
    SimServer server(world.templatePath, scheduler);
    if (Core::Status ready = server.open(); !ready)
        return ready.error();
    Network network(scheduler, server, rng);
    network.faults().enabled = false;
    for (qsizetype n = 0; n < world.devices.size(); ++n) {
        const QString path = QDir(folder).filePath(u"replica-%1.db"_s.arg(n));
        {
            Device device(static_cast<int>(n), world.devices.at(n), path, network, scheduler);
            if (Core::Status ready = device.open(); !ready)
                return ready.error();
            device.startSync(2000);
            while (device.syncing() && scheduler.runNext()) {
            }
            if (!device.lastSync())
                return device.lastSync().error();
        }
        world.replicaTemplates << path;
    }
    return world;
}

namespace {

// The run of one seed.
class Run
{
public:
    Run(const World &world, const RunOptions &options, const QString &folder)
        : m_world(world),
          m_options(options),
          m_folder(folder),
          m_rng(options.seed),
          m_ids(options.seed ^ 0x5eed),
          m_scheduler(schoolNow()),
          m_server(QDir(folder).filePath(u"server.db"_s), m_scheduler),
          m_network(m_scheduler, m_server, m_rng)
    {
    }

    RunReport go();

private:
    Core::Status setUp();
    void step(int number);
    void scenario(int number);
    // Every fault off, everyone online, syncing until nothing moves.
    bool settle(QStringList &violations);
    bool syncToEnd(Device &device, QStringList &violations);
    // Sends the device's queue of files to its end.
    bool filesToEnd(Device &device, QStringList &violations);
    // Every device downloads every file it may read and lacks.
    void downloadEverything(QStringList &violations);
    Device *deviceOf(const QString &role, int nth = 0);
    // A change made on the server's behalf by the device of `role`.
    void adminChange(const QString &role, const Core::Record &changes, const QStringList &fields);
    // Breaks the invariants after the settle; the names of the checks that
    // must now report.
    QStringList tamper();
    // A stored file corrupted, and one served to a device that may not
    // read it.
    void tamperWithFiles(QStringList &broken);
    void log(const QString &line)
    {
        if (m_options.verbose)
            qInfo("[%lld] %s", static_cast<long long>(m_scheduler.now() - schoolNow()), qPrintable(line));
    }

    const World &m_world;
    RunOptions m_options;
    QString m_folder;
    Rng m_rng;
    Rng m_ids;
    Scheduler m_scheduler;
    SimServer m_server;
    Network m_network;
    std::vector<std::unique_ptr<Device>> m_devices;
    QList<Written> m_written;
    FileModel m_files;
    QStringList m_events;
    // The scripted moments of the run, as step numbers.
    int m_closeAt = 0, m_reopenAt = 0, m_loseAt = 0, m_regainAt = 0, m_skewAt = 0;
    Core::Record m_lostLink;
    Core::Record m_closedPeriod;
};

Core::Status Run::setUp()
{
    Core::setIdSource([this] { return seededId(m_ids); });
    const QString serverPath = m_server.path();
    QFile::remove(serverPath);
    if (!QFile::copy(m_world.templatePath, serverPath))
        return Error{ErrorCode::Internal, u"cannot copy the school to "_s + serverPath};
    if (Core::Status opened = m_server.open(); !opened)
        return opened;
    m_network.faults().enabled = m_options.faults;
    m_files.folder = QDir(m_folder).filePath(u"attach"_s);
    QDir(m_files.folder).removeRecursively();
    QDir(m_server.blobFolder()).removeRecursively();
    // The school's own files come with it.
    if (!copyFolder(m_world.templatePath + u".blobs"_s, m_server.blobFolder()))
        return Error{ErrorCode::Internal, u"cannot copy the school's files to "_s + m_server.blobFolder()};
    if (!QDir().mkpath(m_files.folder))
        return Error{ErrorCode::Internal, u"cannot make "_s + m_files.folder};

    for (qsizetype n = 0; n < m_world.devices.size(); ++n) {
        const int index = static_cast<int>(n);
        const QString path = QDir(m_folder).filePath(u"device-%1.db"_s.arg(index));
        // Most devices have synced before; some start from nothing, and
        // make their first sync under the faults.
        if (!m_rng.chance(0.2) && !QFile::copy(m_world.replicaTemplates.at(n), path))
            return Error{ErrorCode::Internal, u"cannot copy a replica to "_s + path};
        auto device = std::make_unique<Device>(index, m_world.devices.at(n), path, m_network, m_scheduler);
        // Clocks up to two days off, some exactly right.
        device->skewMillis = m_rng.chance(0.3) ? 0 : m_rng.between(-48 * kHour, 48 * kHour);
        QDir(Sync::ReplicaFiles::blobFolderOf(path)).removeRecursively();
        device->setFiles(m_options.files ? &m_files : nullptr);
        if (Core::Status opened = device->open(); !opened)
            return opened;
        m_devices.push_back(std::move(device));
    }
    m_closeAt = static_cast<int>(m_rng.between(m_options.steps / 5, m_options.steps / 2));
    m_reopenAt = static_cast<int>(m_rng.between(m_closeAt + 1, m_options.steps - 1));
    m_loseAt = static_cast<int>(m_rng.between(m_options.steps / 5, m_options.steps / 2));
    m_regainAt = static_cast<int>(m_rng.between(m_loseAt + 1, m_options.steps - 1));
    m_skewAt = static_cast<int>(m_rng.between(1, m_options.steps - 1));
    return {};
}

Device *Run::deviceOf(const QString &role, int nth)
{
    for (const std::unique_ptr<Device> &device : m_devices) {
        if (device->actor().role == role && nth-- == 0)
            return device.get();
    }
    return nullptr;
}

void Run::adminChange(const QString &role, const Core::Record &changes, const QStringList &fields)
{
    Device *device = deviceOf(role);
    if (!device)
        return;
    QList<Written> writes;
    Written written{
        device->index(), device->clientId(), 0, Core::MutationOp::Update, changes.type(), changes.id(), {}, 0, 0};
    const Core::Result<qint64> base = device->store().version(changes.type(), changes.id());
    written.baseVersion = base ? *base : 0;
    for (const QString &field : fields)
        written.values.insert(field, changes.value(field));
    const Core::Result<qint64> number = device->workspace().update(changes, fields);
    if (!number)
        return;
    written.number = *number;
    written.madeAt = m_scheduler.now();
    m_written.append(written);
    ++device->stats.changes;
    log(u"%1 changes %2 %3"_s.arg(device->actor().login, changes.type(), fields.join(u',')));
}

void Run::scenario(int number)
{
    if (number == m_closeAt) {
        // The head closes the current term while teachers are offline.
        if (Device *head = deviceOf(u"head"_s)) {
            const std::optional<Core::Record> period = head->workspace().periodOn(QDate(2025, 4, 4));
            if (period) {
                m_closedPeriod = Core::Record(u"period"_s, period->id());
                Core::Record closed = m_closedPeriod;
                closed.set(u"closed"_s, true);
                closed.set(u"closed_at"_s, head->localMillis());
                closed.set(u"closed_by"_s, head->actor().accountId);
                adminChange(u"head"_s, closed, {u"closed"_s, u"closed_at"_s, u"closed_by"_s});
                m_events << u"period closed"_s;
            }
        }
    }
    if (number == m_reopenAt && !m_closedPeriod.id().isEmpty()) {
        Core::Record open = m_closedPeriod;
        open.set(u"closed"_s, false);
        adminChange(u"head"_s, open, {u"closed"_s, u"closed_at"_s, u"closed_by"_s});
    }
    if (number == m_loseAt) {
        // A family loses its legal responsibility for a child, and the
        // buckets that came with it.
        Device *family = deviceOf(u"guardian"_s);
        Device *secretariat = deviceOf(u"secretariat"_s);
        if (family && secretariat) {
            const QList<Core::Record> links
                = secretariat->workspace().select(u"guardian_link"_s, u"guardian_id = ? AND legal_responsibility = 1"_s,
                                                  {family->actor().personId}, u"id"_s);
            if (!links.isEmpty()) {
                m_lostLink = Core::Record(u"guardian_link"_s, links.constFirst().id());
                Core::Record lost = m_lostLink;
                lost.set(u"legal_responsibility"_s, false);
                adminChange(u"secretariat"_s, lost, {u"legal_responsibility"_s});
                m_events << u"bucket lost"_s;
            }
        }
    }
    if (number == m_regainAt && !m_lostLink.id().isEmpty()) {
        Core::Record regained = m_lostLink;
        regained.set(u"legal_responsibility"_s, true);
        adminChange(u"secretariat"_s, regained, {u"legal_responsibility"_s});
    }
    if (number == m_skewAt) {
        // A clock set right (or wrong) by hand, by up to two days.
        Device &device = *m_devices.at(m_rng.between(0, m_devices.size() - 1));
        device.skewMillis = m_rng.between(-48 * kHour, 48 * kHour);
        m_events << u"clock moved"_s;
    }
}

void Run::step(int number)
{
    m_scheduler.runUntil(m_scheduler.now() + m_rng.between(20, 4000));
    scenario(number);
    static const int kPages[] = {40, 300, 1000, 2000};
    for (const std::unique_ptr<Device> &device : m_devices) {
        if (m_rng.chance(0.04)) {
            device->online = !device->online;
            log(u"%1 goes %2"_s.arg(device->actor().login, device->online ? u"online"_s : u"offline"_s));
        }
        if (m_rng.chance(0.3))
            device->work(m_rng, m_written);
        if (m_rng.chance(0.03))
            device->restoreAConflict(m_rng, m_written);
        if (device->online && m_rng.chance(0.15))
            device->startSync(kPages[m_rng.between(0, 3)]);
        if (m_options.files) {
            if (m_rng.chance(0.02))
                device->attachAFile(m_rng, m_written);
            if (device->online && m_rng.chance(0.1))
                device->sendFiles();
            if (device->online && m_rng.chance(0.04))
                device->downloadAFile(m_rng);
        }
        if (m_options.faults && m_rng.chance(0.015)) {
            log(u"%1 crashes"_s.arg(device->actor().login));
            if (Core::Status restarted = device->restart(); !restarted)
                qFatal("a device could not come back: %s", qPrintable(restarted.error().context));
        }
        // A crash between two of its transactions: the next event of this
        // device's sync may be one of them.
        if (m_options.faults && device->syncing() && m_rng.chance(0.02)) {
            m_scheduler.runNext();
            if (Core::Status restarted = device->restart(); !restarted)
                qFatal("a device could not come back: %s", qPrintable(restarted.error().context));
        }
    }
}

bool Run::syncToEnd(Device &device, QStringList &violations)
{
    device.startSync(2000);
    for (int n = 0; device.syncing() && n < 1'000'000; ++n) {
        if (!m_scheduler.runNext())
            break;
    }
    if (device.syncing()) {
        violations << u"settle: the sync of device %1 (%2) never ended"_s.arg(device.index()).arg(device.actor().login);
        return false;
    }
    if (!device.lastSync()) {
        violations << u"settle: the sync of device %1 (%2) failed with %3 (%4)"_s.arg(device.index())
                          .arg(device.actor().login, Core::errorCodeName(device.lastSync().error().code),
                               device.lastSync().error().context);
        return false;
    }
    return true;
}

bool Run::settle(QStringList &violations)
{
    m_network.faults().enabled = false;
    // What is still in flight lands, or times out, first.
    while (m_scheduler.runNext()) {
    }
    for (const std::unique_ptr<Device> &device : m_devices)
        device->online = true;
    Server::FeedStore feed(m_server.database());
    qint64 lastHead = -1;
    for (int round = 0; round < 12; ++round) {
        for (const std::unique_ptr<Device> &device : m_devices) {
            if (!filesToEnd(*device, violations) || !syncToEnd(*device, violations))
                return false;
        }
        const Core::Result<qint64> head = feed.head();
        bool drained = true;
        for (const std::unique_ptr<Device> &device : m_devices) {
            const auto files = device->transfer().uploads();
            drained = drained && device->pending() == 0 && files && files->isEmpty();
        }
        if (head && *head == lastHead && drained)
            return true;
        lastHead = head ? *head : -1;
    }
    violations << u"settle: the devices still had changes to exchange after 12 rounds"_s;
    return false;
}

bool Run::filesToEnd(Device &device, QStringList &violations)
{
    device.sendFiles();
    for (int n = 0; device.sendingFiles() && n < 1'000'000; ++n) {
        if (!m_scheduler.runNext())
            break;
    }
    if (device.sendingFiles()) {
        violations << u"settle: the files of device %1 (%2) were never all sent"_s.arg(device.index())
                          .arg(device.actor().login);
        return false;
    }
    if (!device.lastFiles()) {
        violations << u"settle: sending the files of device %1 (%2) failed with %3 (%4)"_s.arg(device.index())
                          .arg(device.actor().login, Core::errorCodeName(device.lastFiles().error().code),
                               device.lastFiles().error().context);
        return false;
    }
    return true;
}

void Run::downloadEverything(QStringList &violations)
{
    for (const std::unique_ptr<Device> &device : m_devices) {
        const QString account = device->actor().accountId;
        device->downloadAll([this, &account](const QString &sha256) { return mayReadBlob(m_server, account, sha256); });
    }
    for (int n = 0; n < 1'000'000; ++n) {
        const bool busy = std::any_of(m_devices.cbegin(), m_devices.cend(),
                                      [](const std::unique_ptr<Device> &device) { return device->downloadingFiles(); });
        if (!busy || !m_scheduler.runNext())
            break;
    }
    for (const std::unique_ptr<Device> &device : m_devices) {
        if (device->downloadingFiles())
            violations << u"settle: the downloads of device %1 (%2) never ended"_s.arg(device->index())
                              .arg(device->actor().login);
    }
}

RunReport Run::go()
{
    RunReport report;
    // Ids come from the seed for this run only.
    const auto restoreIds = qScopeGuard([] { Core::setIdSource({}); });
    if (Core::Status ready = setUp(); !ready) {
        report.violations << u"set-up: "_s + ready.error().context;
        return report;
    }
    QElapsedTimer phase;
    phase.start();
    for (int n = 0; n < m_options.steps; ++n)
        step(n);
    const qint64 working = phase.restart();
    qint64 settling = 0, freshSyncs = 0, checking = 0;
    if (settle(report.violations)) {
        if (m_options.files)
            downloadEverything(report.violations);
        settling = phase.restart();
        // One seed in ten also makes a replica of each account from nothing
        // (the slow part of a run): the view it gets must be the same.
        std::vector<std::unique_ptr<Device>> fresh;
        for (const Actor &actor : m_options.seed % 10 == 0 ? m_world.actors : QList<Actor>()) {
            const int index = static_cast<int>(m_devices.size() + fresh.size());
            auto device = std::make_unique<Device>(index, actor, QDir(m_folder).filePath(u"fresh-%1.db"_s.arg(index)),
                                                   m_network, m_scheduler);
            if (Core::Status opened = device->open(); !opened || !syncToEnd(*device, report.violations)) {
                report.violations << u"set-up: no fresh replica for "_s + actor.login;
                break;
            }
            fresh.push_back(std::move(device));
        }
        freshSyncs = phase.restart();
        const QStringList broken = m_options.tamper ? tamper() : QStringList();
        InvariantInput input{m_server,
                             m_world.templatePath,
                             m_devices,
                             fresh,
                             m_written,
                             m_options.files ? &m_files : nullptr,
                             &m_network.deliveries()};
        report.violations << checkInvariants(input);
        checking = phase.restart();
        if (m_options.tamper) {
            // Every break must have been seen, and then the run is good.
            QStringList unseen;
            for (const QString &check : broken) {
                if (!std::any_of(report.violations.cbegin(), report.violations.cend(),
                                 [&check](const QString &line) { return line.startsWith(check + u':'); }))
                    unseen << check;
            }
            report.violations.clear();
            for (const QString &check : std::as_const(unseen))
                report.violations << u"tamper: the check \"%1\" did not see what was broken"_s.arg(check);
        }
    }
    qint64 crashes = 0, changes = 0, refused = 0, restores = 0;
    for (const std::unique_ptr<Device> &device : m_devices) {
        crashes += device->stats.crashes;
        changes += device->stats.changes;
        refused += device->stats.refusedLocally;
        restores += device->stats.restores;
    }
    const NetworkStats &net = m_network.stats();
    report.summary = u"seed %1: %2 devices, %3 changes (%4 refused on the device), %5 restored conflicts, %6 requests "
                     "(%7 lost, %8 answers lost, %9 repeated, %10 late), %11 server crashes, %12 device crashes, "
                     "%14; %13"_s.arg(m_options.seed)
                         .arg(m_devices.size())
                         .arg(changes)
                         .arg(refused)
                         .arg(restores)
                         .arg(net.requests)
                         .arg(net.droppedRequests)
                         .arg(net.droppedResponses)
                         .arg(net.duplicates)
                         .arg(net.late)
                         .arg(m_server.crashes())
                         .arg(crashes)
                         .arg(m_events.join(u", "_s))
                         .arg(u"%1 files attached (%2 file requests, %3 downloads, %4 failed on the way)"_s
                                  .arg(m_files.attached)
                                  .arg(net.blobRequests)
                                  .arg(m_files.downloaded)
                                  .arg(m_files.downloadsFailed));
    report.timing = u"work %1 ms, settle %2 ms, fresh replicas %3 ms, checks %4 ms"_s.arg(working)
                        .arg(settling)
                        .arg(freshSyncs)
                        .arg(checking);
    return report;
}

QStringList Run::tamper()
{
    QStringList broken;
    // A value some device wrote and the server took, changed in the
    // server's table behind its back.
    QSqlDatabase db = m_server.database();
    QString tamperedClient;
    qint64 tamperedNumber = 0;
    // Only a comment that no other change and no conflict record touches,
    // and not a cleared one (the school's own may have had none): the checks
    // must see the break, not explain it by something else.
    QHash<QString, int> commentWrites;
    for (const Written &written : std::as_const(m_written)) {
        if (written.type == u"grade" && written.values.contains(u"comment"_s))
            ++commentWrites[written.id];
    }
    for (const Written &written : std::as_const(m_written)) {
        if (written.type != u"grade" || written.op != Core::MutationOp::Update || !written.values.contains(u"comment"_s)
            || commentWrites.value(written.id) != 1 || written.values.value(u"comment"_s).toString().isEmpty())
            continue;
        QSqlQuery conflicts(db);
        if (!Core::execPrepared(conflicts, u"SELECT 1 FROM sync_conflict WHERE row_id = ?"_s, written.id)
            || conflicts.next())
            continue;
        QSqlQuery answer(db);
        if (!Core::execPrepared(answer, u"SELECT answer FROM sync_receipt WHERE client_id = ? AND number = ?"_s,
                                written.clientId, written.number)
            || !answer.next() || !answer.value(0).toString().contains(u"\"status\":\"applied\""_s))
            continue;
        QSqlQuery change(db);
        if (Core::execPrepared(change, u"UPDATE grade SET comment = 'changed behind the server' WHERE id = ?"_s,
                               written.id)
            && change.numRowsAffected() == 1) {
            broken << u"converged"_s << u"no silent loss"_s << u"nothing invented"_s;
            tamperedClient = written.clientId;
            tamperedNumber = written.number;
            break;
        }
    }
    // Another receipt forgotten.
    QSqlQuery forget(db);
    if (Core::execPrepared(forget,
                           u"DELETE FROM sync_receipt WHERE rowid = (SELECT MIN(rowid) FROM sync_receipt WHERE NOT "
                           "(client_id = ? AND number = ?))"_s,
                           tamperedClient, tamperedNumber)
        && forget.numRowsAffected() == 1)
        broken << u"receipts"_s;
    // A change saved on a device and never sent.
    for (const std::unique_ptr<Device> &device : m_devices) {
        const qsizetype before = m_written.size();
        for (int attempt = 0; attempt < 50 && m_written.size() == before; ++attempt)
            device->work(m_rng, m_written);
        if (m_written.size() > before) {
            broken << u"drained"_s;
            break;
        }
    }
    if (m_options.files)
        tamperWithFiles(broken);
    return broken;
}

void Run::tamperWithFiles(QStringList &broken)
{
    QSqlDatabase db = m_server.database();
    // A stored file that a device reads, changed on the server's disk.
    QStringList attached = m_files.bytes.keys();
    std::sort(attached.begin(), attached.end());
    for (const QString &sha256 : std::as_const(attached)) {
        QSqlQuery stored(db);
        if (!Core::execPrepared(stored, u"SELECT establishment_id FROM blob WHERE sha256 = ?"_s, sha256)
            || !stored.next())
            continue;
        const bool read = std::any_of(m_devices.cbegin(), m_devices.cend(), [&](const std::unique_ptr<Device> &device) {
            return mayReadBlob(m_server, device->actor().accountId, sha256);
        });
        QFile file(m_server.blobFolder() + u'/' + stored.value(0).toString() + u'/' + sha256.left(2) + u'/' + sha256);
        if (!read || !file.open(QIODevice::ReadWrite) || file.size() == 0)
            continue;
        char byte = 0;
        const qint64 middle = file.size() / 2;
        if (file.seek(middle) && file.getChar(&byte) && file.seek(middle)
            && file.putChar(static_cast<char>(byte ^ 0x5a))) {
            broken << u"files readable"_s;
            log(u"tamper: a byte of the stored file "_s + sha256 + u" changed"_s);
            break;
        }
    }
    // A file no row names, served to a device by a route that does not ask
    // who may read it.
    QSqlQuery establishment(db);
    Device *holder = deviceOf(u"teacher"_s);
    Device *reader = deviceOf(u"student"_s);
    if (!holder || !reader || !establishment.exec(u"SELECT id FROM establishment ORDER BY id LIMIT 1"_s)
        || !establishment.next())
        return;
    QByteArray bytes = QByteArrayLiteral("%PDF-1.4\n");
    for (int n = 0; n < 512; ++n)
        bytes.append(static_cast<char>(m_rng.between(0, 255)));
    const QString sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    if (!m_server.blobs().storeHeld(holder->actor().accountId, {establishment.value(0).toString(), sha256}, bytes))
        return;
    m_server.setServeWithoutReadCheck(true);
    reader->startDownload(sha256, bytes.size());
    for (int n = 0; reader->downloadingFiles() && n < 10'000; ++n) {
        if (!m_scheduler.runNext())
            break;
    }
    m_server.setServeWithoutReadCheck(false);
    const QList<BlobDelivery> &deliveries = m_network.deliveries();
    if (std::any_of(deliveries.cbegin(), deliveries.cend(),
                    [&sha256](const BlobDelivery &delivery) { return delivery.sha256 == sha256; })) {
        broken << u"files private"_s;
        log(u"tamper: %1 received %2, which no row names"_s.arg(reader->actor().login, sha256));
    }
}

} // namespace

RunReport runSimulation(const World &world, const RunOptions &options, const QString &folder)
{
    Run run(world, options, folder);
    return run.go();
}

} // namespace Cartable::Chaos
