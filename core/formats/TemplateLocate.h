#pragma once
// Where a template keeps its state machines: CloudFormation / SAM resources, or the Serverless
// Framework's `stepFunctions.stateMachines`.
#include "core/formats/Template.h"

#include <map>
#include <vector>

namespace stepwise::formats {

struct MachineEntry
{
    std::string logicalId;
    std::string source;               // "SAM", "CloudFormation", "Serverless Framework"
    std::vector<std::string> path;    // keys from the document root to the machine's object
    const Json *properties = nullptr; // Properties (resources) or the machine object (Serverless)
};

std::vector<MachineEntry> findMachines(const Json &document);

// The single machine, the one named `logicalId`, or an error that lists the candidates.
Result<MachineEntry, FormatError> selectMachine(const Json &document, const std::string &logicalId);

// DefinitionSubstitutions with every value evaluated to text.
Result<std::map<std::string, std::string>, FormatError> resolveSubstitutions(const Json &document, const MachineEntry &entry);

std::string pointerOf(const std::vector<std::string> &path);

} // namespace stepwise::formats
