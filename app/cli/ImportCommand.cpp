// stepwise-cli import TEMPLATE [--state-machine LOGICAL_ID] [-o OUT]
#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"
#include "core/formats/Template.h"

#include <filesystem>
#include <iostream>

namespace stepwise::cli {
namespace {

constexpr const char *kHelp =
    "Usage: stepwise-cli import TEMPLATE [--state-machine LOGICAL_ID] [-o OUT]\n\n"
    "Reads the state machine out of an AWS SAM, CloudFormation or Serverless Framework template\n"
    "(JSON or YAML; short tags such as !Sub, !Ref and !GetAtt are understood) and writes its\n"
    "definition as ASL JSON, to standard output unless -o is given. The definition may be\n"
    "inline (Definition, DefinitionString with Fn::Sub or Fn::Join) or in a local file\n"
    "(DefinitionUri, DefinitionS3Location). Every DefinitionSubstitution is resolved: parameters\n"
    "take their Default, AWS::Region and AWS::AccountId are us-east-1 and 123456789012, and\n"
    "resources the names and ARNs CloudFormation would give them.\n\n"
    "  --state-machine ID   which state machine, when the template has several (its logical id,\n"
    "                       or its key under stepFunctions.stateMachines)\n"
    "  -o, --output OUT     write to OUT instead of standard output\n\n"
    "Exit status: 0 written, 1 no usable state machine in the template, 2 unreadable file or\n"
    "wrong call.\n";

} // namespace

int importCommand(const Args &args)
{
    std::string file;
    std::string output;
    std::string logicalId;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (isHelpFlag(arg)) {
            std::cout << kHelp;
            return 0;
        }
        if (arg == "--state-machine" || arg == "-o" || arg == "--output") {
            if (i + 1 >= args.size())
                return usageError("import", arg + " needs a value");
            (arg == "--state-machine" ? logicalId : output) = args[++i];
        } else if (!arg.empty() && arg[0] == '-' && arg != "-") {
            return usageError("import", "unknown option '" + arg + "'");
        } else if (file.empty()) {
            file = arg;
        } else {
            return usageError("import", "only one TEMPLATE may be given");
        }
    }
    if (file.empty())
        return usageError("import", "missing TEMPLATE");

    std::string error;
    const auto text = readFile(file, error);
    if (!text) {
        std::cerr << "stepwise-cli import: " << error << '\n';
        return 2;
    }
    formats::ImportOptions options;
    options.logicalId = logicalId;
    options.baseDirectory =
        file == "-" ? std::string(".") : std::filesystem::absolute(file).parent_path().string();
    const auto imported = formats::importTemplate(*text, options);
    if (!imported) {
        const formats::FormatError &e = imported.error();
        std::cerr << "stepwise-cli import: " << file;
        if (e.line > 0)
            std::cerr << ':' << e.line << ':' << e.column;
        if (!e.pointer.empty())
            std::cerr << " at " << e.pointer;
        std::cerr << ": " << e.message << '\n';
        return 1;
    }
    const auto machine = asl::fromJson(imported.value().definition);
    if (!machine) {
        std::cerr << "stepwise-cli import: " << file << ": the definition of '" << imported.value().logicalId
                  << "' is not a state machine: " << machine.error().message << '\n';
        return 1;
    }
    const std::string result = asl::serialize(*machine, 2);
    if (output.empty()) {
        std::cout << result;
        return 0;
    }
    if (!writeFile(output, result, error)) {
        std::cerr << "stepwise-cli import: " << error << '\n';
        return 2;
    }
    return 0;
}

} // namespace stepwise::cli
