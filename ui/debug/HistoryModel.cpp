// Table model over the debugger's history (the console's event view columns).
#include "ui/debug/HistoryModel.h"

#include "ui/debug/DebugController.h"
#include "ui/debug/OverlayBuilder.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace stepwise::ui {
namespace {

QString text(const std::string &value)
{
    return QString::fromStdString(value);
}

QString resourceOf(const engine::HistoryEvent &event)
{
    const Json &d = event.details;
    if (!d.is_object() || !d.contains("resource") || !d["resource"].is_string())
        return {};
    const std::string resource = d["resource"].get<std::string>();
    if (d.contains("resourceType") && d["resourceType"].is_string())
        return text(d["resourceType"].get<std::string>() + ":" + resource);
    return text(resource);
}

} // namespace

QString formatElapsed(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60000)
        return QStringLiteral("%1 s").arg(static_cast<double>(ms) / 1000.0, 0, 'f', ms % 1000 ? 3 : 0);
    const qint64 h = ms / 3600000, m = (ms / 60000) % 60, s = (ms / 1000) % 60, rest = ms % 1000;
    return QStringLiteral("%1:%2:%3.%4")
        .arg(h)
        .arg(m, 2, 10, QLatin1Char('0'))
        .arg(s, 2, 10, QLatin1Char('0'))
        .arg(rest, 3, 10, QLatin1Char('0'));
}

HistoryModel::HistoryModel(DebugController *controller, QObject *parent)
    : QAbstractTableModel(parent), m_controller(controller)
{
    connect(controller, &DebugController::runReset, this, &HistoryModel::reset);
    connect(controller, &DebugController::eventsAppended, this, &HistoryModel::append);
    reset();
}

void HistoryModel::reset()
{
    beginResetModel();
    const engine::ExecutionHistory *history = m_controller->history();
    m_rows = history ? static_cast<int>(history->size()) : 0;
    endResetModel();
}

void HistoryModel::append(int first, int last)
{
    if (first != m_rows || last < first) {
        reset(); // out of step (should not happen): start over rather than show wrong rows
        return;
    }
    beginInsertRows({}, first, last);
    m_rows = last + 1;
    endInsertRows();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const engine::HistoryEvent *HistoryModel::event(int row) const
{
    const engine::ExecutionHistory *history = m_controller->history();
    if (!history || row < 0 || row >= m_rows || static_cast<std::size_t>(row) >= history->size())
        return nullptr;
    return &history->at(static_cast<std::size_t>(row));
}

QVariant HistoryModel::display(const engine::HistoryEvent &event, int column) const
{
    switch (column) {
    case IdColumn:
        return static_cast<qlonglong>(event.id);
    case TypeColumn:
        return text(event.type);
    case StepColumn:
        return text(event.stateName);
    case ResourceColumn:
        return resourceOf(event);
    case StartedAfterColumn:
        return formatElapsed(event.timestampMs - m_controller->history()->at(0).timestampMs);
    case DateColumn:
        return QDateTime::fromMSecsSinceEpoch(event.timestampMs, Qt::UTC)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'"));
    default:
        return {};
    }
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const engine::HistoryEvent *e = event(index.row());
    if (!e)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(*e, index.column());
    case Qt::ToolTipRole:
        if (index.column() == StepColumn && !e->scope.empty())
            return tr("%1 in %2").arg(text(e->stateName), text(e->scope));
        return {};
    case Qt::ForegroundRole:
        if (isStateErrorEvent(e->type) || e->type == "ExecutionFailed"
            || e->type == "ExecutionTimedOut")
            return QBrush(QColor(0xD9, 0x15, 0x15));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn)
            return QVariant(static_cast<int>(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case EventIndexRole:
        return index.row();
    case StateNameRole:
        return text(e->stateName);
    case ScopeRole:
        return text(e->scope);
    case TypeRole:
        return text(e->type);
    case SearchTextRole:
        return text(e->type.str() + '\n' + e->stateName + '\n' + e->details.dump());
    case IsErrorRole:
        return isStateErrorEvent(e->type) || e->type == "ExecutionFailed";
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("ID");
    case TypeColumn: return tr("Type");
    case StepColumn: return tr("Step");
    case ResourceColumn: return tr("Resource");
    case StartedAfterColumn: return tr("Started after");
    case DateColumn: return tr("Date and time");
    default: return {};
    }
}

} // namespace stepwise::ui
