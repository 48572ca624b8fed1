#pragma once
// The stored runs (RunStore): a list with status, start and duration; open one on the canvas,
// rename, delete, export its history as GetExecutionHistory JSON, import such a file (e.g. from
// `aws stepfunctions get-execution-history`) and replay it.
#include <QString>
#include <QWidget>

#include <optional>

class QTableWidget;
class QLabel;

namespace stepwise::ui {

class DebugController;
class RunStore;

class RunsPanel : public QWidget
{
    Q_OBJECT
public:
    // `store` may be null or unopened: the panel then says why runs are not kept.
    RunsPanel(DebugController *controller, RunStore *store, QWidget *parent = nullptr);

    void refresh();
    // Each returns a message on failure (also shown in the panel).
    std::optional<QString> openRun(qint64 runId);
    std::optional<QString> exportRun(qint64 runId, const QString &path);
    std::optional<QString> importFile(const QString &path);

private:
    qint64 selectedRunId() const;
    void report(const std::optional<QString> &problem);

    DebugController *m_controller;
    RunStore *m_store;
    QTableWidget *m_table;
    QLabel *m_message;
};

} // namespace stepwise::ui
