// Folds assignedVariables per scope instance (spec §4.3 scopes, §4.5 assignedVariables).
#include "ui/debug/VariableScopes.h"

#include <algorithm>
#include <vector>

namespace stepwise::ui {
namespace {

constexpr std::size_t CheckpointEvery = 4096;

// "" → {""}; "Par/0/Map/3" → {"", "Par/0", "Par/0/Map/3"}: the scopes a state there can read.
std::vector<std::string> scopeChain(const std::string &scope)
{
    std::vector<std::string> chain{std::string()};
    std::size_t slashes = 0;
    for (std::size_t i = 0; i < scope.size(); ++i)
        if (scope[i] == '/' && ++slashes % 2 == 0)
            chain.push_back(scope.substr(0, i));
    if (!scope.empty())
        chain.push_back(scope);
    return chain;
}

bool startsContainer(const std::string &type)
{
    return type == "MapStateEntered" || type == "ParallelStateEntered";
}

} // namespace

void VariableScopes::reset()
{
    m_folded = 0;
    m_scopes.clear();
    m_checkpoints.clear();
    m_redrives.clear();
}

// A container entered again starts its branches/iterations with fresh scopes (spec §4.3), so
// the earlier ones are dropped.
void VariableScopes::fold(const engine::HistoryEvent &e)
{
    if (startsContainer(e.type)) {
        const std::string inner =
            (e.scope.empty() ? e.stateName : e.scope + "/" + e.stateName) + "/";
        for (auto it = m_scopes.lower_bound(inner);
             it != m_scopes.end() && it->first.starts_with(inner);)
            it = m_scopes.erase(it);
        return;
    }
    if (!e.details.is_object() || !e.type.ends_with("StateExited"))
        return;
    const auto assigned = e.details.find("assignedVariables");
    if (assigned == e.details.end() || !assigned->is_object())
        return;
    Json &vars = m_scopes[e.scope];
    if (!vars.is_object())
        vars = Json::object();
    for (const auto &[name, text] : assigned->items()) {
        Json value = text.is_string() ? Json::parse(text.get<std::string>(), nullptr, false) : text;
        vars[name] = value.is_discarded() ? text : std::move(value);
    }
}

void VariableScopes::rewindTo(std::size_t end)
{
    auto checkpoint = m_checkpoints.upper_bound(end);
    if (checkpoint == m_checkpoints.begin()) {
        m_folded = 0;
        m_scopes.clear();
    } else {
        --checkpoint;
        m_folded = checkpoint->first;
        m_scopes = checkpoint->second;
    }
    while (!m_redrives.empty() && m_redrives.back().first >= m_folded)
        m_redrives.pop_back();
}

void VariableScopes::foldTo(const engine::ExecutionHistory &history, std::size_t end)
{
    end = std::min(end, history.size());
    if (end < m_folded)
        rewindTo(end);
    for (; m_folded < end; ++m_folded) {
        if (m_folded % CheckpointEvery == 0 && m_folded > 0)
            m_checkpoints.try_emplace(m_folded, m_scopes);
        const engine::HistoryEvent &event = history.at(m_folded);
        if (event.type == "ExecutionRedriven")
            m_redrives.emplace_back(m_folded, event.timestampMs);
        fold(event);
    }
}

VariableScopes::Redrives VariableScopes::redrivesBefore(const engine::ExecutionHistory &history,
                                                        std::size_t end)
{
    foldTo(history, end); // then m_redrives holds exactly those before `end`
    if (m_redrives.empty())
        return {};
    return {static_cast<int>(m_redrives.size()), m_redrives.back().second};
}

Json VariableScopes::visibleAt(const engine::ExecutionHistory &history, std::size_t end,
                               const std::string &scope)
{
    foldTo(history, end);
    Json out = Json::object();
    for (const std::string &s : scopeChain(scope)) {
        const auto it = m_scopes.find(s);
        if (it != m_scopes.end())
            for (const auto &[name, value] : it->second.items())
                out[name] = value;
    }
    return out;
}

} // namespace stepwise::ui
