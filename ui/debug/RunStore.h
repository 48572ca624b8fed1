#pragma once
// Every debugger run, kept in SQLite (Qt's QSQLITE driver) in the user's data folder: the run's
// facts and its events, appended as they happen (WAL mode) so a killed designer keeps them. A
// run that never finished shows as INTERRUPTED when another session lists it.
#include "core/common/Json.h"
#include "core/common/Result.h"
#include "core/engine/ExecutionHistory.h"

#include <QString>

#include <optional>
#include <set>
#include <vector>

namespace stepwise::ui {

struct StoredRun
{
    qint64 id = 0;
    QString name;
    QString definitionPath; // the file the run was started from ("" for an import)
    QString definition;     // the ASL text as it ran
    QString input;
    QString handlers;       // a one-line description of the handlers
    QString status;         // RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, INTERRUPTED
    qint64 startedMs = 0;   // wall clock, ms since the epoch
    qint64 durationMs = -1; // -1 while running / unknown
    qint64 eventCount = 0;
    bool imported = false;
};

class RunStore
{
public:
    // <data folder>/runs.sqlite (QStandardPaths::AppDataLocation).
    static QString defaultPath();

    explicit RunStore(QString path);
    ~RunStore();
    RunStore(const RunStore &) = delete;
    RunStore &operator=(const RunStore &) = delete;

    // Opens (creating) the database; a message when that fails.
    std::optional<QString> open();
    bool isOpen() const;
    QString path() const { return m_path; }

    Result<qint64, QString> beginRun(const StoredRun &run);
    // Stores events [from, to) of `history` in one transaction.
    std::optional<QString> appendEvents(qint64 runId, const engine::ExecutionHistory &history,
                                        std::size_t from, std::size_t to);
    std::optional<QString> finishRun(qint64 runId, const QString &status, qint64 durationMs);
    // A redriven run (spec §13.2) is RUNNING again in the same row; its new events are appended.
    std::optional<QString> resumeRun(qint64 runId);

    std::vector<StoredRun> runs() const; // newest first
    std::optional<StoredRun> run(qint64 runId) const;
    Result<engine::ExecutionHistory, QString> loadHistory(qint64 runId) const;
    bool rename(qint64 runId, const QString &name);
    bool remove(qint64 runId);

    // GetExecutionHistory JSON ({"events": [...]}) of a stored run.
    Result<Json, QString> exportHistory(qint64 runId) const;
    // Stores a GetExecutionHistory document (e.g. `aws stepfunctions get-execution-history`).
    Result<qint64, QString> importHistory(const Json &document, const QString &name);

private:
    QString status(const QString &stored, qint64 runId) const;

    QString m_path;
    QString m_connection; // a unique QSqlDatabase connection name
    std::set<qint64> m_ownRuns; // started by this session: RUNNING is real, not interrupted
};

} // namespace stepwise::ui
