#pragma once
// What one debugger run is made of, as the Execution panel collects it: the input text, the task
// handlers (a mock-config test case and/or a bindings file) and the clock. Turning it into
// engine handlers is done here so the controller and the panel agree on every error message.
#include "core/engine/Clock.h"
#include "core/engine/TaskHandler.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <variant>
#include <vector>

namespace stepwise::ui {

struct RunConfig
{
    QString inputText = QStringLiteral("{}");
    QString mockConfigPath;   // "" = no mock config
    QString testCase;         // a test case of the mock config
    QString stateMachineName; // mock config's state machine; "" = derived from the file name
    QString bindingsPath;     // "" = no local commands
    engine::ClockMode clock = engine::ClockMode::Virtual;
    std::size_t maxHistoryEvents = 25000; // AWS's limit; raise it for long local loops
};

using HandlerList = std::vector<std::shared_ptr<engine::TaskHandler>>;

// Fresh handlers for one execution (mock counters start at zero), or a message naming the file.
std::variant<HandlerList, QString> buildHandlers(const RunConfig &config,
                                                 const QString &stateMachineName);

// The state machine name a mock config is looked up by: the configured one, else the file's
// base name without .asl.json / .json / .yaml.
QString machineNameFor(const RunConfig &config, const QString &definitionPath);

// The test cases of `stateMachine` in a mock config file, or a message.
std::variant<QStringList, QString> mockTestCases(const QString &mockConfigPath,
                                                 const QString &stateMachine);

// Every program a bindings file can start, one line each ("ChargeCard: python3 charge_card.py
// (in /abs/handlers)"), shown before the first run so nothing starts unannounced; or a message.
std::variant<QStringList, QString> boundPrograms(const QString &bindingsPath);

// The input as JSON, or "Input is not valid JSON: ..." with the line and column.
std::variant<Json, QString> parseInput(const QString &text);

} // namespace stepwise::ui
