// SAM / CloudFormation templates and the create-state-machine command (see Template.h).
#include "core/asl/Serializer.h"
#include "core/formats/ArnLifting.h"
#include "core/formats/Template.h"

namespace stepwise::formats {
namespace {

constexpr const char *kRoleParameter = "StateMachineRoleArn";

Json templateDocument(const LiftedDefinition &lifted, const ExportOptions &options)
{
    const bool sam = options.kind == TemplateKind::Sam;
    Json document = Json::object();
    document["AWSTemplateFormatVersion"] = "2010-09-09";
    if (sam)
        document["Transform"] = "AWS::Serverless-2016-10-31";
    document["Description"] = "Exported by Stepwise";

    Json parameters = Json::object();
    parameters[kRoleParameter] = {{"Type", "String"},
                                  {"Description", "ARN of the IAM role the state machine runs as"}};
    Json substitutions = Json::object();
    for (const LiftedArn &arn : lifted.arns) {
        parameters[arn.name] = {{"Type", "String"}, {"Default", arn.arn}};
        substitutions[arn.name] = {{"Ref", arn.name}};
    }
    document["Parameters"] = std::move(parameters);

    Json properties = Json::object();
    if (!options.machineName.empty())
        properties[sam ? "Name" : "StateMachineName"] = options.machineName;
    properties[sam ? "Type" : "StateMachineType"] = options.machineType;
    properties[sam ? "Role" : "RoleArn"] = {{"Ref", kRoleParameter}};
    properties["Definition"] = lifted.definition;
    if (!substitutions.empty())
        properties["DefinitionSubstitutions"] = std::move(substitutions);

    Json resource = Json::object();
    resource["Type"] = sam ? "AWS::Serverless::StateMachine" : "AWS::StepFunctions::StateMachine";
    resource["Properties"] = std::move(properties);
    document["Resources"] = Json::object({{options.logicalId, std::move(resource)}});
    // Ref of either resource type is the state machine's ARN.
    document["Outputs"] = Json::object({{options.logicalId + "Arn", {{"Value", {{"Ref", options.logicalId}}}}}});
    return document;
}

std::string shellQuote(const std::string &text)
{
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

} // namespace

std::string exportTemplate(const asl::StateMachine &machine, const ExportOptions &options)
{
    const Json document = templateDocument(liftArns(asl::toJson(machine)), options);
    if (options.format == TextFormat::Yaml) {
        // YAML 1.1 tools (cfn-lint, PyYAML) would read an unquoted 2010-09-09 as a date.
        std::string text = asl::jsonToYaml(document);
        const std::string plain = "AWSTemplateFormatVersion: 2010-09-09";
        if (text.rfind(plain, 0) == 0)
            text.replace(0, plain.size(), "AWSTemplateFormatVersion: \"2010-09-09\"");
        return text;
    }
    return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string createStateMachineCommand(const asl::StateMachine &machine, const CreateCommandOptions &options)
{
    const std::string role =
        options.roleArn.empty() ? "arn:aws:iam::<ACCOUNT_ID>:role/<STATE_MACHINE_ROLE>" : options.roleArn;
    return "aws stepfunctions create-state-machine \\\n    --name " + shellQuote(options.machineName) +
           " \\\n    --type " + options.machineType + " \\\n    --role-arn " + shellQuote(role) +
           " \\\n    --definition " + shellQuote(asl::toJson(machine).dump(-1, ' ', false, Json::error_handler_t::replace)) +
           "\n";
}

} // namespace stepwise::formats
