// Timeline of state visits over virtual time.
#include "ui/debug/TimelineView.h"

#include "ui/debug/DebugController.h"
#include "ui/debug/HistoryModel.h"
#include "ui/debug/OverlayLegend.h"

#include <QMouseEvent>
#include <QPainter>

namespace stepwise::ui {
namespace {

constexpr int NameWidth = 170;
constexpr int RowHeight = 22;
constexpr int Top = 24;

} // namespace

TimelineView::TimelineView(DebugController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setToolTip(tr("States over virtual time; click a bar to move the time cursor to that visit"));
    connect(controller, &DebugController::runReset, this, &TimelineView::rebuild);
    connect(controller, &DebugController::eventsAppended, this, &TimelineView::absorb);
    connect(controller, &DebugController::cursorChanged, this, qOverload<>(&QWidget::update));
    rebuild();
}

QSize TimelineView::sizeHint() const
{
    return {640, Top + RowHeight * std::max<int>(4, static_cast<int>(m_rows.size())) + 8};
}

void TimelineView::rebuild()
{
    m_rows.clear();
    m_rowOf.clear();
    m_bars.clear();
    m_open.clear();
    m_folded = 0;
    if (const engine::ExecutionHistory *history = m_controller->history(); history && !history->empty())
        absorb(0, static_cast<int>(history->size()) - 1);
    updateGeometry();
    update();
}

void TimelineView::absorb(int, int last)
{
    const engine::ExecutionHistory *history = m_controller->history();
    if (!history)
        return;
    const std::size_t end = std::min(history->size(), static_cast<std::size_t>(last) + 1);
    const std::size_t rowsBefore = m_rows.size();
    for (; m_folded < end; ++m_folded) {
        const engine::HistoryEvent &e = history->at(m_folded);
        if (e.stateName.empty())
            continue;
        const std::string key = e.scope + '\n' + e.stateName;
        if (e.type.ends_with("StateEntered")) {
            // Iterations and branches of the same state share its row.
            const std::string rowKey = m_controller->locator()
                                           ? m_controller->locator()->nodeId(e.scope, e.stateName)
                                           : e.stateName;
            auto [it, added] = m_rowOf.try_emplace(rowKey.empty() ? e.stateName : rowKey,
                                                   static_cast<int>(m_rows.size()));
            if (added)
                m_rows.push_back(QString::fromStdString(e.stateName));
            Bar bar;
            bar.row = it->second;
            bar.startMs = e.timestampMs;
            bar.isWait = e.type == "WaitStateEntered";
            bar.enteredIndex = static_cast<int>(m_folded);
            if (e.type == "FailStateEntered") {
                bar.status = RunStatus::Failed;
                bar.endMs = e.timestampMs;
            }
            m_open[key] = m_bars.size();
            m_bars.push_back(bar);
            continue;
        }
        auto open = m_open.find(key);
        if (open == m_open.end())
            continue;
        Bar &bar = m_bars[open->second];
        if (e.type.ends_with("StateExited")) {
            bar.endMs = e.timestampMs;
            bar.status = bar.hadError ? RunStatus::Caught : RunStatus::Succeeded;
            m_open.erase(open);
        } else if (e.type.ends_with("StateAborted")) {
            bar.endMs = e.timestampMs;
            bar.status = RunStatus::Cancelled;
            m_open.erase(open);
        } else if (isStateErrorEvent(e.type)) {
            bar.hadError = true;
            bar.failures.push_back(e.timestampMs);
        } else if (e.type.ends_with("Scheduled") && bar.hadError) {
            bar.hadError = false; // retried
        }
    }
    if (m_rows.size() != rowsBefore)
        updateGeometry();
    update();
}

QRectF TimelineView::barRect(const Bar &bar, qint64 originMs, double msPerPixel) const
{
    const qint64 end = bar.endMs >= 0 ? bar.endMs : m_controller->history()->back().timestampMs;
    const double x0 = NameWidth + static_cast<double>(bar.startMs - originMs) / msPerPixel;
    const double barWidth = std::max(4.0, static_cast<double>(end - bar.startMs) / msPerPixel);
    return {x0, static_cast<double>(Top + bar.row * RowHeight + 4), barWidth, RowHeight - 8.0};
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const engine::ExecutionHistory *history = m_controller->history();
    if (!history || history->empty() || m_rows.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("The timeline fills in as a run goes."));
        return;
    }
    const qint64 origin = history->at(0).timestampMs;
    const qint64 span = std::max<qint64>(1, history->back().timestampMs - origin);
    const double msPerPixel = static_cast<double>(span) / std::max(40, width() - NameWidth - 12);

    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRect(NameWidth, 2, width() - NameWidth, Top - 6), Qt::AlignLeft | Qt::AlignVCenter, tr("0"));
    painter.drawText(QRect(NameWidth, 2, width() - NameWidth - 12, Top - 6), Qt::AlignRight | Qt::AlignVCenter,
                     tr("%1 virtual").arg(formatElapsed(span)));
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        const int y = Top + static_cast<int>(r) * RowHeight;
        if (r % 2)
            painter.fillRect(QRect(0, y, width(), RowHeight), palette().color(QPalette::AlternateBase));
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(6, y, NameWidth - 10, RowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                         fontMetrics().elidedText(m_rows[r], Qt::ElideMiddle, NameWidth - 12));
    }
    painter.setRenderHint(QPainter::Antialiasing);
    for (const Bar &bar : m_bars) {
        const QRectF box = barRect(bar, origin, msPerPixel);
        const StatusColours colours = statusColours(bar.status);
        painter.setPen(QPen(colours.border, 1.2));
        painter.setBrush(colours.fill);
        painter.drawRoundedRect(box, 3, 3);
        if (bar.isWait) {
            painter.setBrush(QBrush(colours.border, Qt::BDiagPattern));
            painter.drawRoundedRect(box, 3, 3);
        }
        painter.setPen(QPen(QColor(0xD9, 0x15, 0x15), 2));
        for (qint64 failure : bar.failures) {
            const double x = NameWidth + static_cast<double>(failure - origin) / msPerPixel;
            painter.drawLine(QPointF(x, box.top() - 2), QPointF(x, box.bottom() + 2));
        }
    }
    const int cursor = m_controller->cursor();
    if (cursor >= 0 && static_cast<std::size_t>(cursor) < history->size()) {
        const double x = NameWidth + static_cast<double>(history->at(static_cast<std::size_t>(cursor)).timestampMs - origin) / msPerPixel;
        painter.setPen(QPen(QColor(0xF2, 0xC9, 0x4C), 2));
        painter.drawLine(QPointF(x, Top - 4), QPointF(x, height()));
    }
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    const engine::ExecutionHistory *history = m_controller->history();
    if (!history || history->empty())
        return;
    const qint64 origin = history->at(0).timestampMs;
    const qint64 span = std::max<qint64>(1, history->back().timestampMs - origin);
    const double msPerPixel = static_cast<double>(span) / std::max(40, width() - NameWidth - 12);
    for (auto it = m_bars.rbegin(); it != m_bars.rend(); ++it)
        if (barRect(*it, origin, msPerPixel).adjusted(-2, -2, 2, 2).contains(event->position())) {
            m_controller->setCursor(it->enteredIndex);
            return;
        }
}

} // namespace stepwise::ui
