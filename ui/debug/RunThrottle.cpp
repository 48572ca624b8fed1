#include "ui/debug/RunThrottle.h"

#include "ui/debug/DebugController.h"

namespace stepwise::ui {

RunThrottle::RunThrottle(DebugController *controller, std::function<void()> refresh,
                         QObject *parent, int intervalMs)
    : QObject(parent), m_controller(controller), m_refresh(std::move(refresh))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { m_refresh(); });
    connect(controller, &DebugController::cursorChanged, this, &RunThrottle::request);
    connect(controller, &DebugController::runReset, this, &RunThrottle::request);
    connect(controller, &DebugController::phaseChanged, this, &RunThrottle::request);
}

void RunThrottle::request()
{
    if (m_controller->phase() != DebugController::Phase::Running) {
        m_timer.stop();
        m_refresh();
        return;
    }
    if (!m_timer.isActive())
        m_timer.start();
}

} // namespace stepwise::ui
