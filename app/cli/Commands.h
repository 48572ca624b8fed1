#pragma once
// The subcommands of stepwise-cli. Each takes the arguments after its name and returns the
// process exit status (0 ok, 1 the command's negative verdict, 2 a wrong call or unreadable file).
#include <string>
#include <vector>

namespace stepwise::cli {

using Args = std::vector<std::string>;

struct Command
{
    const char *name;
    const char *summary;
    int (*run)(const Args &args);
};

int validateCommand(const Args &args);
int exportCommand(const Args &args);
int importCommand(const Args &args);
int runCommand(const Args &args);
int benchCommand(const Args &args);
int jsonataCommand(const Args &args);

// The table main() dispatches on; one line per subcommand.
const std::vector<Command> &commands();

} // namespace stepwise::cli
