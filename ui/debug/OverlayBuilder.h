#pragma once
// Folds an execution history into the canvas RunOverlay (ui/canvas/RunOverlay.h): the status of
// every state as the console colours it, retry counts, the taken edges and the current state.
// Incremental: moving the cursor forward folds only the new events; moving it back refolds.
#include "core/engine/ExecutionHistory.h"
#include "ui/canvas/RunOverlay.h"
#include "ui/debug/NodeLocator.h"

#include <set>
#include <string>
#include <unordered_map>

namespace stepwise::ui {

// Whether an event reports a failure of a state's work (TaskFailed, LambdaFunctionTimedOut,
// EvaluationFailed, ParallelStateFailed, ...), not of an iteration or the whole execution.
bool isStateErrorEvent(const std::string &type);

class OverlayBuilder
{
public:
    explicit OverlayBuilder(const NodeLocator *locator);

    // The overlay after the first `count` events of `history`; `breakpoints` are node ids.
    RunOverlay overlayAt(const engine::ExecutionHistory &history, std::size_t count,
                         const std::set<std::string> &breakpoints);
    void reset();

private:
    struct Visit
    {
        std::string nodeId;
        bool hadError = false;
        int retries = 0;
    };
    struct ScopeTrail
    {
        std::string lastNode; // the node last exited in this scope
        bool caught = false;  // it exited through a Catch
    };

    void fold(const engine::HistoryEvent &event);
    void enter(const engine::HistoryEvent &event, const std::string &nodeId);
    void finishExecution(RunStatus openStatus);
    void markEdge(const std::string &edgeId);

    const NodeLocator *m_locator;
    std::size_t m_folded = 0;
    RunOverlay m_overlay;
    std::string m_current;
    std::unordered_map<std::string, Visit> m_open;         // scope + '\n' + name → visit
    std::unordered_map<std::string, ScopeTrail> m_trails;  // scope → trail
};

} // namespace stepwise::ui
