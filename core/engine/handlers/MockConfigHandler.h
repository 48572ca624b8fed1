#pragma once
// Answers Task invocations from a MockConfigFile test case (ASL spec §11). Only the states the
// test case lists are handled; others fall through to the next handler in the chain.
#include "core/engine/TaskHandler.h"
#include "core/engine/handlers/MockConfig.h"

#include <map>
#include <memory>
#include <mutex>

namespace stepwise::engine {

class MockConfigHandler : public TaskHandler
{
public:
    // Selects `testCase` of `stateMachine`; fails when either is unknown.
    static Result<std::shared_ptr<MockConfigHandler>, MockConfigError>
    create(std::shared_ptr<const MockConfig> config, const std::string &stateMachine,
           const std::string &testCase);

    bool handles(const TaskRequest &request) const override;
    // Consumes the state's next invocation number (retries and Map iterations count too).
    TaskOutcome invoke(const TaskRequest &request) override;

    // How many invocations each state has consumed so far.
    std::map<std::string, std::size_t> invocationCounts() const;

private:
    MockConfigHandler(std::shared_ptr<const MockConfig> config, MockTestCase testCase);

    std::shared_ptr<const MockConfig> m_config;
    MockTestCase m_testCase;
    mutable std::mutex m_mutex;
    std::map<std::string, std::size_t> m_counters;
};

} // namespace stepwise::engine
