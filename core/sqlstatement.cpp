#include "sqlstatement.h"

#include <QSqlDriver>

#include <sqlite3.h>

#include <utility>
#include <vector>

namespace Cartable::Core {

using namespace Qt::StringLiterals;

namespace {

// A QSqlQuery, for drivers other than SQLite.
class QtStatement final : public Statement
{
public:
    explicit QtStatement(QSqlQuery query) : m_query(std::move(query)) {}

    void bindValue(int index, const QVariant &value) override { m_query.bindValue(index, value); }
    bool exec() override { return m_query.exec(); }
    bool next() override { return m_query.next(); }
    QVariant value(int column) const override { return m_query.value(column); }
    void finish() override { m_query.finish(); }
    QString lastErrorText() const override { return m_query.lastError().text(); }

private:
    QSqlQuery m_query;
};

// SQLite's own statement. Texts go in and out as UTF-8, which Qt converts
// far faster than SQLite converts UTF-16.
class SqliteStatement final : public Statement
{
public:
    SqliteStatement(sqlite3 *db, sqlite3_stmt *statement)
        : m_db(db), m_statement(statement), m_texts(size_t(sqlite3_bind_parameter_count(statement)))
    {
    }
    ~SqliteStatement() override { sqlite3_finalize(m_statement); }

    void bindValue(int index, const QVariant &value) override
    {
        if (m_active)
            finish();
        const int mark = index + 1;
        int bound = SQLITE_OK;
        if (!value.isValid() || value.isNull()) {
            bound = sqlite3_bind_null(m_statement, mark);
        } else {
            switch (value.typeId()) {
            case QMetaType::Bool:
            case QMetaType::Int:
            case QMetaType::UInt:
            case QMetaType::Long:
            case QMetaType::LongLong:
            case QMetaType::ULongLong:
                bound = sqlite3_bind_int64(m_statement, mark, value.toLongLong());
                break;
            case QMetaType::Double:
                bound = sqlite3_bind_double(m_statement, mark, value.toDouble());
                break;
            case QMetaType::QByteArray: {
                QByteArray &kept = m_texts[size_t(index)] = value.toByteArray();
                bound = sqlite3_bind_blob(m_statement, mark, kept.constData(), int(kept.size()), SQLITE_STATIC);
                break;
            }
            default: {
                // Kept until the next bind of the mark: SQLite reads it at
                // each step.
                QByteArray &kept = m_texts[size_t(index)] = value.toString().toUtf8();
                bound = sqlite3_bind_text(m_statement, mark, kept.constData(), int(kept.size()), SQLITE_STATIC);
                break;
            }
            }
        }
        if (bound != SQLITE_OK && m_error.isEmpty())
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    }

    bool exec() override
    {
        if (!m_error.isEmpty()) {
            // A bind failed: the statement is not run.
            m_lastError = std::exchange(m_error, QString());
            sqlite3_reset(m_statement);
            return false;
        }
        if (m_active)
            sqlite3_reset(m_statement);
        const int stepped = sqlite3_step(m_statement);
        if (stepped == SQLITE_ROW) {
            m_active = true;
            m_unread = true;
            return true;
        }
        m_active = false;
        m_unread = false;
        if (stepped == SQLITE_DONE) {
            sqlite3_reset(m_statement);
            return true;
        }
        m_lastError = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_reset(m_statement);
        return false;
    }

    bool next() override
    {
        if (m_unread) {
            m_unread = false;
            return true;
        }
        if (!m_active)
            return false;
        const int stepped = sqlite3_step(m_statement);
        if (stepped == SQLITE_ROW)
            return true;
        if (stepped != SQLITE_DONE)
            m_lastError = QString::fromUtf8(sqlite3_errmsg(m_db));
        finish();
        return false;
    }

    QVariant value(int column) const override
    {
        switch (sqlite3_column_type(m_statement, column)) {
        case SQLITE_INTEGER:
            return QVariant(qlonglong(sqlite3_column_int64(m_statement, column)));
        case SQLITE_FLOAT:
            return QVariant(sqlite3_column_double(m_statement, column));
        case SQLITE_TEXT: {
            const char *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
            return QVariant(QString::fromUtf8(text, sqlite3_column_bytes(m_statement, column)));
        }
        case SQLITE_BLOB: {
            const char *data = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
            return QVariant(QByteArray(data, sqlite3_column_bytes(m_statement, column)));
        }
        default:
            return QVariant();
        }
    }

    void finish() override
    {
        sqlite3_reset(m_statement);
        m_active = false;
        m_unread = false;
    }

    QString lastErrorText() const override { return m_lastError; }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_statement;
    std::vector<QByteArray> m_texts;
    bool m_active = false; // stepped onto a row, not reset
    bool m_unread = false; // exec() stepped onto the first row
    QString m_error;       // of a bind, reported by exec()
    QString m_lastError;
};

} // namespace

namespace {

// The sqlite3 handle under `db`, or null when it is closed or not SQLite.
sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(handle.constData());
    return nullptr;
}

} // namespace

StatementCache::StatementCache(QSqlDatabase db) : m_db(std::move(db)), m_sqlite(sqliteHandle(m_db)) {}

StatementCache::~StatementCache()
{
    clear();
}

void StatementCache::clear()
{
    const bool held = m_sqlite && !m_statements.empty();
    m_statements.clear();
    // Qt's driver closes with sqlite3_close(), which leaves the connection
    // open, and lost to Qt, while any statement is left: the connection was
    // closed under these statements. Closing it now frees it once the last
    // cache on it has finalized its own; until then it stays busy.
    if (held && sqliteHandle(m_db) != m_sqlite)
        sqlite3_close(static_cast<sqlite3 *>(m_sqlite));
}

Result<Statement *> StatementCache::statement(const QString &sql)
{
    auto found = m_statements.find(sql);
    if (found != m_statements.end())
        return found->second.get();
    std::unique_ptr<Statement> made;
    if (m_sqlite) {
        auto *db = static_cast<sqlite3 *>(m_sqlite);
        if (sqliteHandle(m_db) != db)
            return Error{ErrorCode::DatabaseError, u"the database connection is closed"_s};
        sqlite3_stmt *prepared = nullptr;
        const QByteArray text = sql.toUtf8();
        if (sqlite3_prepare_v3(db, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT, &prepared, nullptr)
            != SQLITE_OK) {
            sqlite3_finalize(prepared);
            return Error{ErrorCode::DatabaseError, QString::fromUtf8(sqlite3_errmsg(db))};
        }
        made = std::make_unique<SqliteStatement>(db, prepared);
    } else {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return databaseError(query);
        made = std::make_unique<QtStatement>(std::move(query));
    }
    return m_statements.emplace(sql, std::move(made)).first->second.get();
}

} // namespace Cartable::Core
