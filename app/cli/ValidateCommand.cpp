// stepwise-cli validate FILE [--json] [--type STANDARD|EXPRESS]
#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "core/asl/Validator.h"
#include "core/common/Json.h"

#include <iostream>

namespace stepwise::cli {
namespace {

constexpr const char *kHelp =
    "Usage: stepwise-cli validate FILE [--json] [--type STANDARD|EXPRESS]\n\n"
    "Checks an ASL definition (JSON or YAML) as strictly as AWS's CreateStateMachine.\n"
    "Prints one line per diagnostic: 'severity code path: message'.\n\n"
    "  --json         print {\"valid\": bool, \"diagnostics\": [...]} instead\n"
    "  --type T       STANDARD (default) or EXPRESS: Express machines allow fewer integrations\n\n"
    "Exit status: 0 valid (warnings allowed), 1 invalid, 2 unreadable file or wrong call.\n";

std::string pointerOrRoot(const std::string &path)
{
    return path.empty() ? "/" : path;
}

Json toJson(const Diagnostic &d)
{
    Json item = Json::object();
    item["severity"] = severityName(d.severity);
    item["code"] = d.code;
    item["path"] = pointerOrRoot(d.path);
    item["message"] = d.message;
    if (d.line > 0) {
        item["line"] = d.line;
        item["column"] = d.column;
    }
    return item;
}

void printText(const std::vector<Diagnostic> &diagnostics)
{
    for (const Diagnostic &d : diagnostics) {
        std::cout << severityName(d.severity) << ' ' << d.code << ' ' << pointerOrRoot(d.path);
        if (d.line > 0)
            std::cout << " (line " << d.line << ", column " << d.column << ")";
        std::cout << ": " << d.message << '\n';
    }
}

} // namespace

int validateCommand(const Args &args)
{
    std::string file;
    bool json = false;
    asl::ValidationOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (isHelpFlag(arg)) {
            std::cout << kHelp;
            return 0;
        }
        if (arg == "--json") {
            json = true;
        } else if (arg == "--type") {
            if (i + 1 >= args.size())
                return usageError("validate", "--type needs STANDARD or EXPRESS");
            const std::string &type = args[++i];
            if (type == "STANDARD")
                options.machineType = asl::MachineType::Standard;
            else if (type == "EXPRESS")
                options.machineType = asl::MachineType::Express;
            else
                return usageError("validate", "--type must be STANDARD or EXPRESS, not '" + type + "'");
        } else if (!arg.empty() && arg[0] == '-' && arg != "-") {
            return usageError("validate", "unknown option '" + arg + "'");
        } else if (file.empty()) {
            file = arg;
        } else {
            return usageError("validate", "only one FILE may be given");
        }
    }
    if (file.empty())
        return usageError("validate", "missing FILE");

    std::string error;
    const auto text = readFile(file, error);
    if (!text) {
        std::cerr << "stepwise-cli validate: " << error << '\n';
        return 2;
    }
    const std::vector<Diagnostic> diagnostics = asl::validateText(*text, options);
    const bool valid = !hasErrors(diagnostics);
    if (json) {
        Json out = Json::object();
        out["valid"] = valid;
        out["diagnostics"] = Json::array();
        for (const Diagnostic &d : diagnostics)
            out["diagnostics"].push_back(toJson(d));
        std::cout << out.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
    } else {
        printText(diagnostics);
    }
    return valid ? 0 : 1;
}

} // namespace stepwise::cli
