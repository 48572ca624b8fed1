// Mocked Task results, one invocation counter per state name (ASL spec §11.1).
#include "core/engine/handlers/MockConfigHandler.h"

namespace stepwise::engine {

MockConfigHandler::MockConfigHandler(std::shared_ptr<const MockConfig> config,
                                     MockTestCase testCase)
    : m_config(std::move(config)), m_testCase(std::move(testCase))
{
}

Result<std::shared_ptr<MockConfigHandler>, MockConfigError>
MockConfigHandler::create(std::shared_ptr<const MockConfig> config,
                          const std::string &stateMachine, const std::string &testCase)
{
    auto selected = config->testCase(stateMachine, testCase);
    if (!selected)
        return unexpected(selected.error());
    return std::shared_ptr<MockConfigHandler>(
        new MockConfigHandler(std::move(config), std::move(selected.value())));
}

bool MockConfigHandler::handles(const TaskRequest &request) const
{
    return m_testCase.count(request.stateName) > 0;
}

TaskOutcome MockConfigHandler::invoke(const TaskRequest &request)
{
    const auto found = m_testCase.find(request.stateName);
    if (found == m_testCase.end())
        return TaskOutcome::failure("States.Runtime",
                                    "No mocked response for state '" + request.stateName + "'.");
    std::size_t invocation = 0;
    {
        std::lock_guard lock(m_mutex);
        invocation = m_counters[request.stateName]++;
    }
    const MockResponse *response = m_config->response(found->second);
    const MockEntry *entry = response ? response->at(invocation) : nullptr;
    if (!entry)
        return TaskOutcome::failure(
            "States.Runtime",
            "The mocked response '" + found->second + "' for state '" + request.stateName +
                "' has no entry for invocation " + std::to_string(invocation) + " (it defines " +
                std::to_string(response ? response->size() : 0) + " invocations).");
    if (entry->isReturn)
        return TaskOutcome::success(entry->result);
    return TaskOutcome::failure(entry->error, entry->cause);
}

std::map<std::string, std::size_t> MockConfigHandler::invocationCounts() const
{
    std::lock_guard lock(m_mutex);
    return m_counters;
}

} // namespace stepwise::engine
