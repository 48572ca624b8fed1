// Stored runs list and its actions.
#include "ui/debug/RunsPanel.h"

#include "ui/debug/DebugController.h"
#include "ui/debug/HistoryModel.h"
#include "ui/debug/RunStore.h"

#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace stepwise::ui {
namespace {

QColor statusColour(const QString &status)
{
    if (status == QLatin1String("SUCCEEDED"))
        return {0x03, 0x7F, 0x0C};
    if (status == QLatin1String("FAILED") || status == QLatin1String("TIMED_OUT"))
        return {0xD9, 0x15, 0x15};
    if (status == QLatin1String("RUNNING"))
        return {0x09, 0x72, 0xD3};
    return {0x5F, 0x6B, 0x7A};
}

} // namespace

RunsPanel::RunsPanel(DebugController *controller, RunStore *store, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_store(store)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *buttons = new QHBoxLayout;
    auto add = [&](const QString &text, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setToolTip(tip);
        buttons->addWidget(b);
        return b;
    };
    QPushButton *open = add(tr("Open"), tr("Show the selected run on the canvas (read-only replay)"));
    QPushButton *rename = add(tr("Rename…"), tr("Give the selected run a name"));
    QPushButton *remove = add(tr("Delete"), tr("Delete the selected run and its events"));
    QPushButton *exportButton = add(tr("Export…"), tr("Save the history as GetExecutionHistory JSON"));
    QPushButton *importButton = add(tr("Import…"), tr("Open a GetExecutionHistory JSON file (e.g. from the AWS CLI) and replay it"));
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_table = new QTableWidget(0, 5, this);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Status"), tr("Started"), tr("Duration"), tr("Events")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_table, 1);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    connect(open, &QPushButton::clicked, this, [this] { report(openRun(selectedRunId())); });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] { report(openRun(selectedRunId())); });
    connect(rename, &QPushButton::clicked, this, [this] {
        const qint64 id = selectedRunId();
        if (!id || !m_store)
            return;
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename run"), tr("Name"), QLineEdit::Normal,
                                                   m_table->item(m_table->currentRow(), 0)->text(), &ok);
        if (ok && !name.trimmed().isEmpty())
            m_store->rename(id, name.trimmed());
        refresh();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const qint64 id = selectedRunId();
        if (id && m_store)
            m_store->remove(id);
        refresh();
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const qint64 id = selectedRunId();
        if (!id)
            return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export history"),
                                                          m_table->item(m_table->currentRow(), 0)->text() + QStringLiteral(".history.json"),
                                                          tr("JSON (*.json)"));
        if (!path.isEmpty())
            report(exportRun(id, path));
    });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import history"), {},
                                                          tr("JSON (*.json);;All files (*)"));
        if (!path.isEmpty())
            report(importFile(path));
    });
    connect(controller, &DebugController::phaseChanged, this, [this](DebugController::Phase phase) {
        if (phase == DebugController::Phase::Finished || phase == DebugController::Phase::Paused)
            refresh();
    });
    refresh();
}

void RunsPanel::report(const std::optional<QString> &problem)
{
    m_message->setText(problem ? QStringLiteral("<span style='color:#D91515'>%1</span>").arg(problem->toHtmlEscaped())
                               : QString());
}

void RunsPanel::refresh()
{
    m_table->setRowCount(0);
    if (!m_store || !m_store->isOpen()) {
        m_message->setText(tr("Runs are not being kept: the run store could not be opened."));
        return;
    }
    const std::vector<StoredRun> runs = m_store->runs();
    m_table->setRowCount(static_cast<int>(runs.size()));
    for (int r = 0; r < static_cast<int>(runs.size()); ++r) {
        const StoredRun &run = runs[static_cast<std::size_t>(r)];
        auto *name = new QTableWidgetItem(run.name);
        name->setData(Qt::UserRole, run.id);
        name->setToolTip(run.imported ? tr("Imported") : run.definitionPath);
        m_table->setItem(r, 0, name);
        auto *status = new QTableWidgetItem(run.status);
        status->setForeground(statusColour(run.status));
        m_table->setItem(r, 1, status);
        m_table->setItem(r, 2, new QTableWidgetItem(QDateTime::fromMSecsSinceEpoch(run.startedMs)
                                                        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
        m_table->setItem(r, 3, new QTableWidgetItem(run.durationMs >= 0 ? formatElapsed(run.durationMs)
                                                                        : QStringLiteral("—")));
        m_table->setItem(r, 4, new QTableWidgetItem(QString::number(run.eventCount)));
    }
    m_table->resizeColumnsToContents();
    if (runs.empty())
        m_message->setText(tr("No stored runs yet: every run you start is kept here."));
}

qint64 RunsPanel::selectedRunId() const
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_table->item(row, 0))
        return 0;
    return m_table->item(row, 0)->data(Qt::UserRole).toLongLong();
}

std::optional<QString> RunsPanel::openRun(qint64 runId)
{
    if (!m_store || !runId)
        return tr("Select a run first.");
    auto history = m_store->loadHistory(runId);
    if (!history)
        return history.error();
    m_controller->openReplay(std::move(history.value()), runId);
    return std::nullopt;
}

std::optional<QString> RunsPanel::exportRun(qint64 runId, const QString &path)
{
    if (!m_store)
        return tr("No run store.");
    auto json = m_store->exportHistory(runId);
    if (!json)
        return json.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: %2").arg(path, file.errorString());
    file.write(QByteArray::fromStdString(json.value().dump(2)));
    if (!file.commit())
        return QStringLiteral("%1: %2").arg(path, file.errorString());
    return std::nullopt;
}

std::optional<QString> RunsPanel::importFile(const QString &path)
{
    if (!m_store)
        return tr("No run store.");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("%1: %2").arg(path, file.errorString());
    const Json document = Json::parse(file.readAll().toStdString(), nullptr, false);
    if (document.is_discarded())
        return QStringLiteral("%1: not valid JSON").arg(path);
    auto id = m_store->importHistory(document, QFileInfo(path).completeBaseName());
    if (!id)
        return QStringLiteral("%1: %2").arg(path, id.error());
    refresh();
    return openRun(id.value());
}

} // namespace stepwise::ui
