// Run configuration → engine handlers (mock config, local command bindings).
#include "ui/debug/RunConfig.h"

#include "core/engine/handlers/LocalCommandHandler.h"
#include "core/engine/handlers/MockConfigHandler.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace stepwise::ui {
namespace {

std::variant<std::string, QString> readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("%1: %2").arg(path, file.errorString());
    return file.readAll().toStdString();
}

template <typename E> QString describe(const QString &path, const E &error)
{
    QString text = path + QStringLiteral(": ") + QString::fromStdString(error.message);
    if (!error.pointer.empty())
        text += QStringLiteral(" at ") + QString::fromStdString(error.pointer);
    return text;
}

std::variant<std::shared_ptr<const engine::MockConfig>, QString> loadMockConfig(const QString &path)
{
    auto text = readText(path);
    if (auto *error = std::get_if<QString>(&text))
        return *error;
    auto config = engine::MockConfig::parse(std::get<std::string>(text));
    if (!config)
        return describe(path, config.error());
    return std::make_shared<const engine::MockConfig>(std::move(config.value()));
}

std::variant<engine::LocalBindings, QString> loadBindings(const QString &path)
{
    auto text = readText(path);
    if (auto *error = std::get_if<QString>(&text))
        return *error;
    const std::string base = QFileInfo(path).absolutePath().toStdString();
    auto bindings = engine::LocalBindings::parse(std::get<std::string>(text), base);
    if (!bindings)
        return describe(path, bindings.error());
    return std::move(bindings.value());
}

// The program as the run will start it (posix_spawnp): a bare name is looked up on PATH, a
// relative path is taken in the binding's working folder. Shown in full so nothing hides.
QString fullProgramPath(const QString &program, const QString &workingDirectory)
{
    if (program.contains(u'/'))
        return QDir::cleanPath(QDir(workingDirectory).absoluteFilePath(program));
    const QString found = QStandardPaths::findExecutable(program);
    return found.isEmpty() ? QStringLiteral("%1 (not found on PATH)").arg(program) : found;
}

QString commandLine(const std::string &name, const engine::CommandBinding &binding)
{
    const QString folder = binding.workingDirectory.empty()
                               ? QDir::currentPath()
                               : QString::fromStdString(binding.workingDirectory);
    QStringList words;
    for (const std::string &word : binding.command)
        words << (words.isEmpty() ? fullProgramPath(QString::fromStdString(word), folder)
                                  : QString::fromStdString(word));
    return QString::fromStdString(name) + QStringLiteral(": ") + words.join(u' ')
           + QStringLiteral("  (in %1)").arg(folder);
}

} // namespace

std::variant<HandlerList, QString> buildHandlers(const RunConfig &config,
                                                 const QString &stateMachineName)
{
    HandlerList handlers;
    if (!config.mockConfigPath.isEmpty()) {
        if (config.testCase.isEmpty())
            return QStringLiteral("Choose a test case of %1").arg(config.mockConfigPath);
        auto loaded = loadMockConfig(config.mockConfigPath);
        if (auto *error = std::get_if<QString>(&loaded))
            return *error;
        auto handler = engine::MockConfigHandler::create(
            std::get<0>(loaded), stateMachineName.toStdString(), config.testCase.toStdString());
        if (!handler)
            return describe(config.mockConfigPath, handler.error());
        handlers.push_back(handler.value());
    }
    if (!config.bindingsPath.isEmpty()) {
        auto bindings = loadBindings(config.bindingsPath);
        if (auto *error = std::get_if<QString>(&bindings))
            return *error;
        handlers.push_back(std::make_shared<engine::LocalCommandHandler>(
            std::move(std::get<engine::LocalBindings>(bindings))));
    }
    return handlers;
}

QString machineNameFor(const RunConfig &config, const QString &definitionPath)
{
    if (!config.stateMachineName.isEmpty())
        return config.stateMachineName;
    QString name = QFileInfo(definitionPath).fileName();
    for (const char *suffix : {".asl.json", ".asl.yaml", ".asl.yml", ".json", ".yaml", ".yml"}) {
        const QString ending = QString::fromLatin1(suffix);
        if (name.size() > ending.size() && name.endsWith(ending))
            return name.left(name.size() - ending.size());
    }
    return name.isEmpty() ? QStringLiteral("StateMachine") : name;
}

std::variant<QStringList, QString> mockTestCases(const QString &mockConfigPath,
                                                 const QString &stateMachine)
{
    auto loaded = loadMockConfig(mockConfigPath);
    if (auto *error = std::get_if<QString>(&loaded))
        return *error;
    const auto &config = *std::get<0>(loaded);
    QStringList names;
    for (const std::string &name : config.testCaseNames(stateMachine.toStdString()))
        names << QString::fromStdString(name);
    if (names.isEmpty()) {
        QStringList machines;
        for (const std::string &name : config.stateMachineNames())
            machines << QString::fromStdString(name);
        return QStringLiteral("%1 has no test cases for state machine '%2' (it has: %3)")
            .arg(mockConfigPath, stateMachine, machines.join(QStringLiteral(", ")));
    }
    return names;
}

std::variant<QStringList, QString> boundPrograms(const QString &bindingsPath)
{
    auto bindings = loadBindings(bindingsPath);
    if (auto *error = std::get_if<QString>(&bindings))
        return *error;
    const auto &loaded = std::get<engine::LocalBindings>(bindings);
    QStringList lines;
    for (const auto &[name, binding] : loaded.functions)
        lines << commandLine(name, binding);
    for (const auto &[name, binding] : loaded.resources)
        lines << commandLine(name, binding);
    return lines;
}

std::variant<Json, QString> parseInput(const QString &text)
{
    const std::string utf8 = text.toStdString();
    try {
        return Json::parse(utf8);
    } catch (const Json::parse_error &error) {
        // Only nlohmann's message carries the line and column; it stays inside this function.
        return QStringLiteral("Input is not valid JSON: %1").arg(QString::fromUtf8(error.what()));
    }
}

} // namespace stepwise::ui
