#pragma once
// Small helpers shared by the subcommands: reading files, reporting usage errors.
#include <optional>
#include <string>

namespace stepwise::cli {

// The whole file ("-" reads standard input); nullopt with `error` filled when unreadable.
std::optional<std::string> readFile(const std::string &path, std::string &error);

bool writeFile(const std::string &path, const std::string &text, std::string &error);

// Prints "stepwise-cli <command>: <message>" and a hint to use --help; returns exit code 2.
int usageError(const std::string &command, const std::string &message);

bool isHelpFlag(const std::string &arg);

} // namespace stepwise::cli
