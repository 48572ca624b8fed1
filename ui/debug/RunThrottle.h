#pragma once
// Paces a view that follows the time cursor (issue 5): while a run goes on flat out the cursor
// moves with every batch of events, and a view that rebuilds itself each time (the State data
// panel, the JSONata previews) would take the window's time from scrolling and painting. While
// the run is Running it refreshes at most every `intervalMs`; a cursor moved by the user (paused,
// finished, a replay) and the run stopping refresh at once.
#include <QObject>
#include <QTimer>

#include <functional>

namespace stepwise::ui {

class DebugController;

class RunThrottle : public QObject
{
    Q_OBJECT
public:
    RunThrottle(DebugController *controller, std::function<void()> refresh, QObject *parent,
                int intervalMs = 150);

    // The cursor or the run changed: refresh now, or soon while running.
    void request();

private:
    DebugController *m_controller;
    std::function<void()> m_refresh;
    QTimer m_timer;
};

} // namespace stepwise::ui
