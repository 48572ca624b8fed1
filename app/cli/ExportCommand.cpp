// stepwise-cli export FILE [--format json|yaml|sam|cloudformation|cli] [-o OUT] ...
#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"
#include "core/formats/Template.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <set>

namespace stepwise::cli {
namespace {

constexpr const char *kHelp =
    "Usage: stepwise-cli export FILE [--format json|yaml|sam|cloudformation|cli] [-o OUT]\n"
    "                           [--syntax json|yaml] [--logical-id ID] [--name NAME]\n"
    "                           [--type STANDARD|EXPRESS] [--role-arn ARN]\n\n"
    "Writes the state machine in FILE (JSON or YAML) out again, to standard output unless -o is\n"
    "given. Every key keeps its original order and every field is kept.\n\n"
    "  --format F     json (default, 2-space indent) or yaml: the definition itself;\n"
    "                 sam: an AWS SAM template (AWS::Serverless::StateMachine);\n"
    "                 cloudformation: a CloudFormation template (AWS::StepFunctions::StateMachine);\n"
    "                 cli: the `aws stepfunctions create-state-machine` command that creates it.\n"
    "                 In templates every account-specific ARN (Lambda functions, SNS topics, ...)\n"
    "                 becomes a ${Name} DefinitionSubstitution backed by a template parameter\n"
    "                 whose Default is the ARN; the execution role is the parameter\n"
    "                 StateMachineRoleArn. `stepwise-cli import` reads the template back.\n"
    "  --syntax S     json or yaml for sam/cloudformation templates (default: json when OUT ends\n"
    "                 in .json, yaml otherwise)\n"
    "  --logical-id ID   the template's resource name (default StateMachine)\n"
    "  --name NAME    the state machine's name (templates: optional; cli: default FILE's name)\n"
    "  --type T       STANDARD (default) or EXPRESS\n"
    "  --role-arn ARN the execution role for --format cli (default: a placeholder to fill in)\n"
    "  -o, --output OUT   write to OUT instead of standard output\n\n"
    "Exit status: 0 written, 1 the file is not a state machine, 2 unreadable file or wrong call.\n";

struct ExportArgs
{
    std::string file;
    std::string output;
    std::string format = "json";
    std::string syntax;
    std::string logicalId = "StateMachine";
    std::string name;
    std::string type = "STANDARD";
    std::string roleArn;
};

// nullopt when parsed, else the exit status to return (help printed or usage error).
std::optional<int> parseArgs(const Args &args, ExportArgs &out)
{
    const std::map<std::string, std::string *> valued = {
        {"--format", &out.format}, {"-o", &out.output},      {"--output", &out.output},
        {"--syntax", &out.syntax}, {"--logical-id", &out.logicalId}, {"--name", &out.name},
        {"--type", &out.type},     {"--role-arn", &out.roleArn}};
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (isHelpFlag(arg)) {
            std::cout << kHelp;
            return 0;
        }
        if (const auto option = valued.find(arg); option != valued.end()) {
            if (i + 1 >= args.size())
                return usageError("export", arg + " needs a value");
            *option->second = args[++i];
        } else if (!arg.empty() && arg[0] == '-' && arg != "-") {
            return usageError("export", "unknown option '" + arg + "'");
        } else if (out.file.empty()) {
            out.file = arg;
        } else {
            return usageError("export", "only one FILE may be given");
        }
    }
    if (out.file.empty())
        return usageError("export", "missing FILE");
    static const std::set<std::string> formats = {"json", "yaml", "sam", "cloudformation", "cli"};
    if (!formats.count(out.format))
        return usageError("export", "--format must be json, yaml, sam, cloudformation or cli, not '" + out.format + "'");
    if (!out.syntax.empty() && out.syntax != "json" && out.syntax != "yaml")
        return usageError("export", "--syntax must be json or yaml, not '" + out.syntax + "'");
    if (out.type != "STANDARD" && out.type != "EXPRESS")
        return usageError("export", "--type must be STANDARD or EXPRESS, not '" + out.type + "'");
    if (out.logicalId.empty() || !std::all_of(out.logicalId.begin(), out.logicalId.end(),
                                              [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
        return usageError("export", "--logical-id must be alphanumeric (a CloudFormation logical id)");
    return std::nullopt;
}

// "order-processing.asl.json" → "order-processing".
std::string nameFromFile(const std::string &file)
{
    std::string name = std::filesystem::path(file).filename().string();
    for (const char *suffix : {".json", ".yaml", ".yml", ".asl"})
        if (name.size() > std::string(suffix).size() && name.ends_with(suffix))
            name.resize(name.size() - std::string(suffix).size());
    return name.empty() || file == "-" ? "StateMachine" : name;
}

std::string render(const asl::StateMachine &machine, const ExportArgs &args)
{
    if (args.format == "json")
        return asl::serialize(machine, 2);
    if (args.format == "yaml")
        return asl::serializeYaml(machine);
    if (args.format == "cli") {
        formats::CreateCommandOptions options;
        options.machineName = args.name.empty() ? nameFromFile(args.file) : args.name;
        options.roleArn = args.roleArn;
        options.machineType = args.type;
        return formats::createStateMachineCommand(machine, options);
    }
    formats::ExportOptions options;
    options.kind = args.format == "sam" ? formats::TemplateKind::Sam : formats::TemplateKind::CloudFormation;
    const bool json = args.syntax.empty() ? args.output.ends_with(".json") : args.syntax == "json";
    options.format = json ? formats::TextFormat::Json : formats::TextFormat::Yaml;
    options.logicalId = args.logicalId;
    options.machineName = args.name;
    options.machineType = args.type;
    return formats::exportTemplate(machine, options);
}

} // namespace

int exportCommand(const Args &rawArgs)
{
    ExportArgs args;
    if (const auto status = parseArgs(rawArgs, args))
        return *status;

    std::string error;
    const auto text = readFile(args.file, error);
    if (!text) {
        std::cerr << "stepwise-cli export: " << error << '\n';
        return 2;
    }
    const auto machine = asl::parse(*text);
    if (!machine) {
        const asl::ParseError &e = machine.error();
        std::cerr << "stepwise-cli export: " << args.file;
        if (e.line > 0)
            std::cerr << ':' << e.line << ':' << e.column;
        if (!e.pointer.empty())
            std::cerr << " at " << e.pointer;
        std::cerr << ": " << e.message << '\n';
        return 1;
    }
    const std::string result = render(*machine, args);
    if (args.output.empty()) {
        std::cout << result;
        return 0;
    }
    if (!writeFile(args.output, result, error)) {
        std::cerr << "stepwise-cli export: " << error << '\n';
        return 2;
    }
    return 0;
}

} // namespace stepwise::cli
