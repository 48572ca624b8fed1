#pragma once
// Taking a state machine to AWS and back: SAM and CloudFormation templates (JSON or YAML), the
// `aws stepfunctions create-state-machine` command, and reading the machine out of SAM,
// CloudFormation and Serverless Framework templates with every substitution resolved.
#include "core/asl/StateMachine.h"
#include "core/common/Json.h"
#include "core/common/Result.h"

#include <string>
#include <string_view>

namespace stepwise::formats {

enum class TemplateKind { Sam, CloudFormation };
enum class TextFormat { Json, Yaml };

struct FormatError
{
    std::string message;
    std::string pointer; // JSON Pointer into the template ("" when not about one value)
    int line = 0;        // 1-based; 0 when unknown
    int column = 0;
};

struct ExportOptions
{
    TemplateKind kind = TemplateKind::Sam;
    TextFormat format = TextFormat::Yaml;
    std::string logicalId = "StateMachine";
    std::string machineName;             // StateMachineName / Name; "" leaves it to CloudFormation
    std::string machineType = "STANDARD"; // STANDARD or EXPRESS
};

// The template text. Account-specific ARNs (Lambda functions, SNS topics, ...) become
// `${Name}` in the definition, each with a DefinitionSubstitutions entry that refers to a
// template parameter whose Default is the original ARN, so deploying without overrides gives
// back exactly the machine that was exported. The execution role is a parameter too.
std::string exportTemplate(const asl::StateMachine &machine, const ExportOptions &options);

struct CreateCommandOptions
{
    std::string machineName = "StateMachine";
    std::string roleArn;                  // "" writes a placeholder to fill in
    std::string machineType = "STANDARD";
};

// `aws stepfunctions create-state-machine ...` with the definition inline, quoted for a POSIX shell.
std::string createStateMachineCommand(const asl::StateMachine &machine, const CreateCommandOptions &options);

struct ImportOptions
{
    std::string logicalId;     // which state machine when the template holds several
    std::string baseDirectory; // resolves DefinitionUri / DefinitionS3Location local paths
};

struct ImportedMachine
{
    std::string logicalId;   // resource logical id, or the Serverless Framework machine key
    std::string source;      // "SAM", "CloudFormation" or "Serverless Framework"
    Json definition;         // ASL with every substitution resolved
};

// Reads a template (JSON or YAML, CloudFormation short tags such as !Sub, !Ref, !GetAtt allowed).
Result<ImportedMachine, FormatError> importTemplate(std::string_view text, const ImportOptions &options);

// The logical ids of every state machine in a template, in file order (for pickers).
Result<std::vector<std::string>, FormatError> stateMachineIds(std::string_view text);

// Writes `machine` back into the template in place of the state machine `logicalId`, changing
// only the text of its definition: comments, order and formatting of everything else stay.
// Values that came from DefinitionSubstitutions are written as `${Name}` again.
Result<std::string, FormatError> replaceDefinition(std::string_view templateText, const std::string &logicalId,
                                                   const asl::StateMachine &machine);

} // namespace stepwise::formats
