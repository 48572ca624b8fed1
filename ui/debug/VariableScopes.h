#pragma once
// The variables each scope instance holds (ASL spec §4.3), folded from a history's
// assignedVariables, and where the execution was redriven (the context object's RedriveCount).
// Incremental like OverlayBuilder: a live run followed at its newest event folds only the new
// events, so showing the visit at the cursor stays cheap over 100,000 events; moving back
// restarts from the nearest checkpoint instead of the first event.
#include "core/common/Json.h"
#include "core/engine/ExecutionHistory.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace stepwise::ui {

class VariableScopes
{
public:
    // name → value visible to a state in `scope` entered at history index `end` (the events
    // before it folded), outer scopes included. `history` must be the one folded so far, or
    // grown from it; after anything else, reset().
    Json visibleAt(const engine::ExecutionHistory &history, std::size_t end,
                   const std::string &scope);
    // The ExecutionRedriven events before history index `end`: how many, and the timestamp of
    // the last (spec §2.5 RedriveCount, RedriveTime). Folds `history` up to `end` as visibleAt.
    struct Redrives
    {
        int count = 0;
        std::int64_t lastMs = 0;
    };
    Redrives redrivesBefore(const engine::ExecutionHistory &history, std::size_t end);
    void reset();

private:
    using Scopes = std::map<std::string, Json>; // scope instance ("", "Par/0/Map/3") → variables

    void fold(const engine::HistoryEvent &event);
    void foldTo(const engine::ExecutionHistory &history, std::size_t end);
    void rewindTo(std::size_t end);

    std::size_t m_folded = 0;
    std::vector<std::pair<std::size_t, std::int64_t>> m_redrives; // index, time; folded ones
    Scopes m_scopes;
    std::map<std::size_t, Scopes> m_checkpoints; // events folded → scopes then
};

} // namespace stepwise::ui
