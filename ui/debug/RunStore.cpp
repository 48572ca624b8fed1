// SQLite store of debugger runs (QSQLITE, WAL). Events go in as they happen, one transaction per
// batch, so a killed designer loses at most the batch in flight.
#include "ui/debug/RunStore.h"

#include "ui/debug/HistoryImport.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

namespace stepwise::ui {
namespace {

const char *const Schema[] = {
    "CREATE TABLE IF NOT EXISTS runs ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, definition_path TEXT,"
    " definition TEXT, input TEXT, handlers TEXT, status TEXT NOT NULL,"
    " started_ms INTEGER NOT NULL, duration_ms INTEGER NOT NULL DEFAULT -1,"
    " event_count INTEGER NOT NULL DEFAULT 0, imported INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS events ("
    " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, seq INTEGER NOT NULL,"
    " event_id INTEGER NOT NULL, previous_id INTEGER NOT NULL, timestamp_ms INTEGER NOT NULL,"
    " type TEXT NOT NULL, details_key TEXT, details TEXT, state_name TEXT, scope TEXT,"
    " PRIMARY KEY (run_id, seq))",
};

QString lastError(const QSqlQuery &query)
{
    return QStringLiteral("Run store: %1").arg(query.lastError().text());
}

StoredRun readRun(const QSqlQuery &q)
{
    StoredRun run;
    run.id = q.value(0).toLongLong();
    run.name = q.value(1).toString();
    run.definitionPath = q.value(2).toString();
    run.definition = q.value(3).toString();
    run.input = q.value(4).toString();
    run.handlers = q.value(5).toString();
    run.status = q.value(6).toString();
    run.startedMs = q.value(7).toLongLong();
    run.durationMs = q.value(8).toLongLong();
    run.eventCount = q.value(9).toLongLong();
    run.imported = q.value(10).toBool();
    return run;
}

constexpr const char *RunColumns = "SELECT id, name, definition_path, definition, input, handlers,"
                                   " status, started_ms, duration_ms, event_count, imported FROM runs";

} // namespace

QString RunStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/runs.sqlite");
}

RunStore::RunStore(QString path)
    : m_path(std::move(path)),
      m_connection(QStringLiteral("stepwise-runs-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

RunStore::~RunStore()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool RunStore::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

std::optional<QString> RunStore::open()
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return QStringLiteral("Run store: Qt's SQLite driver is missing (install libqt6sql6-sqlite)");
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open())
        return QStringLiteral("Run store %1: %2").arg(m_path, db.lastError().text());
    QSqlQuery q(db);
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                               "PRAGMA foreign_keys=ON"})
        q.exec(QString::fromLatin1(pragma));
    for (const char *statement : Schema)
        if (!q.exec(QString::fromLatin1(statement)))
            return lastError(q);
    return std::nullopt;
}

Result<qint64, QString> RunStore::beginRun(const StoredRun &run)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral(
        "INSERT INTO runs (name, definition_path, definition, input, handlers, status, started_ms,"
        " duration_ms, event_count, imported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)"));
    for (const QVariant &value :
         {QVariant(run.name), QVariant(run.definitionPath), QVariant(run.definition),
          QVariant(run.input), QVariant(run.handlers), QVariant(run.status),
          QVariant(run.startedMs), QVariant(run.durationMs), QVariant(run.imported ? 1 : 0)})
        q.addBindValue(value);
    if (!q.exec())
        return unexpected(lastError(q));
    const qint64 id = q.lastInsertId().toLongLong();
    m_ownRuns.insert(id);
    return id;
}

std::optional<QString> RunStore::appendEvents(qint64 runId, const engine::ExecutionHistory &history,
                                              std::size_t from, std::size_t to)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO events (run_id, seq, event_id, previous_id, timestamp_ms,"
                             " type, details_key, details, state_name, scope)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (std::size_t i = from; i < to && i < history.size(); ++i) {
        const engine::HistoryEvent &event = history.at(i);
        q.bindValue(0, runId);
        q.bindValue(1, static_cast<qint64>(i));
        q.bindValue(2, static_cast<qint64>(event.id));
        q.bindValue(3, static_cast<qint64>(event.previousEventId));
        q.bindValue(4, static_cast<qint64>(event.timestampMs));
        q.bindValue(5, QString::fromStdString(event.type));
        q.bindValue(6, QString::fromStdString(event.detailsKey));
        q.bindValue(7, event.detailsKey.empty() ? QString()
                                                : QString::fromStdString(event.details.dump()));
        q.bindValue(8, QString::fromStdString(event.stateName));
        q.bindValue(9, QString::fromStdString(event.scope));
        if (!q.exec()) {
            const QString error = lastError(q);
            db.rollback();
            return error;
        }
    }
    QSqlQuery count(db);
    count.prepare(QStringLiteral("UPDATE runs SET event_count = ? WHERE id = ?"));
    count.addBindValue(static_cast<qint64>(std::min(to, history.size())));
    count.addBindValue(runId);
    count.exec();
    if (!db.commit())
        return QStringLiteral("Run store: %1").arg(db.lastError().text());
    return std::nullopt;
}

std::optional<QString> RunStore::finishRun(qint64 runId, const QString &status, qint64 durationMs)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE runs SET status = ?, duration_ms = ? WHERE id = ?"));
    q.addBindValue(status);
    q.addBindValue(durationMs);
    q.addBindValue(runId);
    if (!q.exec())
        return lastError(q);
    m_ownRuns.erase(runId);
    return std::nullopt;
}

std::optional<QString> RunStore::resumeRun(qint64 runId)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE runs SET status = 'RUNNING', duration_ms = -1 WHERE id = ?"));
    q.addBindValue(runId);
    if (!q.exec())
        return lastError(q);
    m_ownRuns.insert(runId);
    return std::nullopt;
}

QString RunStore::status(const QString &stored, qint64 runId) const
{
    // RUNNING in the file but not started by this session: its designer went away mid-run.
    if (stored == QLatin1String("RUNNING") && !m_ownRuns.contains(runId))
        return QStringLiteral("INTERRUPTED");
    return stored;
}

std::vector<StoredRun> RunStore::runs() const
{
    std::vector<StoredRun> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QString::fromLatin1(RunColumns) + QStringLiteral(" ORDER BY id DESC")))
        return out;
    while (q.next()) {
        StoredRun run = readRun(q);
        run.status = status(run.status, run.id);
        out.push_back(std::move(run));
    }
    return out;
}

std::optional<StoredRun> RunStore::run(qint64 runId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QString::fromLatin1(RunColumns) + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(runId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    StoredRun run = readRun(q);
    run.status = status(run.status, run.id);
    return run;
}

Result<engine::ExecutionHistory, QString> RunStore::loadHistory(qint64 runId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT event_id, previous_id, timestamp_ms, type, details_key,"
                             " details, state_name, scope FROM events WHERE run_id = ? ORDER BY seq"));
    q.addBindValue(runId);
    if (!q.exec())
        return unexpected(lastError(q));
    engine::ExecutionHistory history;
    while (q.next()) {
        engine::HistoryEvent event;
        event.id = q.value(0).toLongLong();
        event.previousEventId = q.value(1).toLongLong();
        event.timestampMs = q.value(2).toLongLong();
        event.type = q.value(3).toString().toStdString();
        event.detailsKey = q.value(4).toString().toStdString();
        if (!event.detailsKey.empty())
            event.details = Json::parse(q.value(5).toString().toStdString(), nullptr, false);
        event.stateName = q.value(6).toString().toStdString();
        event.scope = q.value(7).toString().toStdString();
        history.append(std::move(event));
    }
    return history;
}

bool RunStore::rename(qint64 runId, const QString &name)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE runs SET name = ? WHERE id = ?"));
    q.addBindValue(name);
    q.addBindValue(runId);
    return q.exec() && q.numRowsAffected() == 1;
}

bool RunStore::remove(qint64 runId)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM events WHERE run_id = ?"));
    q.addBindValue(runId);
    if (!q.exec())
        return false;
    q.prepare(QStringLiteral("DELETE FROM runs WHERE id = ?"));
    q.addBindValue(runId);
    return q.exec() && q.numRowsAffected() == 1;
}

Result<Json, QString> RunStore::exportHistory(qint64 runId) const
{
    auto history = loadHistory(runId);
    if (!history)
        return unexpected(history.error());
    return engine::historyToJson(history.value());
}

Result<qint64, QString> RunStore::importHistory(const Json &document, const QString &name)
{
    auto history = historyFromJson(document);
    if (!history)
        return unexpected(history.error());
    const engine::ExecutionHistory &events = history.value();
    StoredRun run;
    run.name = name;
    run.imported = true;
    run.status = QStringLiteral("RUNNING");
    for (const engine::HistoryEvent &event : events) {
        if (event.type == "ExecutionStarted" && event.details.is_object())
            run.input = QString::fromStdString(event.details.value("input", std::string()));
        if (event.type.starts_with("Execution") && event.type != "ExecutionStarted"
            && event.type != "ExecutionRedriven")
            run.status = QString::fromStdString(event.type.substr(9)).toUpper();
    }
    if (run.status == QLatin1String("TIMEDOUT"))
        run.status = QStringLiteral("TIMED_OUT");
    if (!events.empty()) {
        run.startedMs = events.at(0).timestampMs;
        run.durationMs = events.back().timestampMs - events.at(0).timestampMs;
    }
    auto id = beginRun(run);
    if (!id)
        return id;
    m_ownRuns.erase(id.value()); // an import is complete as it is
    if (auto error = appendEvents(id.value(), events, 0, events.size()))
        return unexpected(*error);
    return id;
}

} // namespace stepwise::ui
