#pragma once
// The variables each scope instance holds (ASL spec §4.3), folded from a history's
// assignedVariables. Incremental like OverlayBuilder: a live run followed at its newest event
// folds only the new events, so showing the visit at the cursor stays cheap over 100,000 events;
// moving back restarts from the nearest checkpoint instead of the first event.
#include "core/common/Json.h"
#include "core/engine/ExecutionHistory.h"

#include <map>
#include <string>

namespace stepwise::ui {

class VariableScopes
{
public:
    // name → value visible to a state in `scope` entered at history index `end` (the events
    // before it folded), outer scopes included. `history` must be the one folded so far, or
    // grown from it; after anything else, reset().
    Json visibleAt(const engine::ExecutionHistory &history, std::size_t end,
                   const std::string &scope);
    void reset();

private:
    using Scopes = std::map<std::string, Json>; // scope instance ("", "Par/0/Map/3") → variables

    void fold(const engine::HistoryEvent &event);
    void rewindTo(std::size_t end);

    std::size_t m_folded = 0;
    Scopes m_scopes;
    std::map<std::size_t, Scopes> m_checkpoints; // events folded → scopes then
};

} // namespace stepwise::ui
