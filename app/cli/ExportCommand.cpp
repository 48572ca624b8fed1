// stepwise-cli export FILE [--format json|yaml] [-o OUT]
#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"

#include <iostream>

namespace stepwise::cli {
namespace {

constexpr const char *kHelp =
    "Usage: stepwise-cli export FILE [--format json|yaml] [-o OUT]\n\n"
    "Writes the state machine in FILE (JSON or YAML) back out with every key in its original\n"
    "order and every field kept, to standard output unless -o is given.\n\n"
    "  --format F     json (default, 2-space indent) or yaml\n"
    "  -o, --output OUT   write to OUT instead of standard output\n\n"
    "Exit status: 0 written, 1 the file is not a state machine, 2 unreadable file or wrong call.\n";

} // namespace

int exportCommand(const Args &args)
{
    std::string file;
    std::string output;
    std::string format = "json";
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (isHelpFlag(arg)) {
            std::cout << kHelp;
            return 0;
        }
        if (arg == "--format" || arg == "-o" || arg == "--output") {
            if (i + 1 >= args.size())
                return usageError("export", arg + " needs a value");
            (arg == "--format" ? format : output) = args[++i];
        } else if (!arg.empty() && arg[0] == '-' && arg != "-") {
            return usageError("export", "unknown option '" + arg + "'");
        } else if (file.empty()) {
            file = arg;
        } else {
            return usageError("export", "only one FILE may be given");
        }
    }
    if (file.empty())
        return usageError("export", "missing FILE");
    if (format != "json" && format != "yaml")
        return usageError("export", "--format must be json or yaml, not '" + format + "'");

    std::string error;
    const auto text = readFile(file, error);
    if (!text) {
        std::cerr << "stepwise-cli export: " << error << '\n';
        return 2;
    }
    const auto machine = asl::parse(*text);
    if (!machine) {
        const asl::ParseError &e = machine.error();
        std::cerr << "stepwise-cli export: " << file;
        if (e.line > 0)
            std::cerr << ':' << e.line << ':' << e.column;
        if (!e.pointer.empty())
            std::cerr << " at " << e.pointer;
        std::cerr << ": " << e.message << '\n';
        return 1;
    }
    const std::string result =
        format == "yaml" ? asl::serializeYaml(*machine) : asl::serialize(*machine, 2);
    if (output.empty()) {
        std::cout << result;
        return 0;
    }
    if (!writeFile(output, result, error)) {
        std::cerr << "stepwise-cli export: " << error << '\n';
        return 2;
    }
    return 0;
}

} // namespace stepwise::cli
