// Reading the state machine out of SAM, CloudFormation and Serverless Framework templates.
#include "core/asl/JsonPointer.h"
#include "core/asl/Parser.h"
#include "core/formats/CfnResolver.h"
#include "core/formats/CfnYaml.h"
#include "core/formats/TemplateLocate.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace stepwise::formats {
namespace {

FormatError errorAt(const std::string &pointer, std::string message)
{
    return FormatError{std::move(message), pointer};
}

Result<Json, FormatError> readLocalDefinition(const std::string &path, const std::string &baseDirectory,
                                              const std::string &pointer)
{
    const std::filesystem::path file =
        std::filesystem::path(path).is_absolute() ? std::filesystem::path(path) : std::filesystem::path(baseDirectory) / path;
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return unexpected(errorAt(pointer, "cannot read the definition file " + file.lexically_normal().string()));
    std::stringstream text;
    text << in.rdbuf();
    auto document = asl::parseDocument(text.str());
    if (!document) {
        const asl::ParseError &e = document.error();
        return unexpected(FormatError{file.lexically_normal().string() + ": " + e.message, pointer, e.line, e.column});
    }
    return std::move(document).value();
}

Result<Json, FormatError> parseDefinitionText(const std::string &text, const std::string &pointer)
{
    auto document = asl::parseDocument(text);
    if (!document)
        return unexpected(errorAt(pointer, "the definition string is not valid JSON: " + document.error().message));
    return std::move(document).value();
}

// An S3 location is read from the local file its Key names (as `aws cloudformation package`
// would upload it); a plain string is a local path.
Result<Json, FormatError> readLocation(const Json &location, const std::string &baseDirectory, const std::string &pointer)
{
    if (location.is_string())
        return readLocalDefinition(location.get<std::string>(), baseDirectory, pointer);
    if (location.is_object() && location.contains("Key") && location.at("Key").is_string()) {
        const std::string key = location.at("Key").get<std::string>();
        const std::filesystem::path file = std::filesystem::path(baseDirectory) / key;
        if (std::filesystem::exists(file))
            return readLocalDefinition(key, baseDirectory, pointer);
        const std::string bucket =
            location.contains("Bucket") && location.at("Bucket").is_string() ? location.at("Bucket").get<std::string>() : "?";
        return unexpected(errorAt(pointer, "the definition is in s3://" + bucket + "/" + key +
                                               "; download it next to the template (" + key + ") to import it"));
    }
    return unexpected(errorAt(pointer, "expected a local path or {Bucket, Key}"));
}

std::set<std::string> substitutionNames(const Json &properties)
{
    std::set<std::string> names;
    if (properties.contains("DefinitionSubstitutions") && properties.at("DefinitionSubstitutions").is_object())
        for (auto it = properties.at("DefinitionSubstitutions").begin(); it != properties.at("DefinitionSubstitutions").end(); ++it)
            names.insert(it.key());
    return names;
}

Result<Json, FormatError> rawDefinition(const MachineEntry &entry, const CfnResolver &resolver,
                                        const std::string &baseDirectory)
{
    const Json &properties = *entry.properties;
    const std::string at = pointerOf(entry.path);
    if (entry.source == "Serverless Framework") {
        if (!properties.contains("definition"))
            return unexpected(errorAt(at, "state machine '" + entry.logicalId + "' has no definition"));
        const Json &definition = properties.at("definition");
        if (definition.is_string())
            return parseDefinitionText(definition.get<std::string>(), at + "/definition");
        return resolver.resolve(definition, at + "/definition");
    }
    if (properties.contains("Definition"))
        return resolver.resolve(properties.at("Definition"), at + "/Definition");
    if (properties.contains("DefinitionString")) {
        auto text = resolver.resolve(properties.at("DefinitionString"), at + "/DefinitionString");
        if (!text)
            return text;
        if (!text.value().is_string())
            return unexpected(errorAt(at + "/DefinitionString", "DefinitionString must be a string"));
        return parseDefinitionText(text.value().get<std::string>(), at + "/DefinitionString");
    }
    for (const char *key : {"DefinitionUri", "DefinitionS3Location"}) {
        if (properties.contains(key)) {
            auto location = resolver.resolve(properties.at(key), at + "/" + key);
            if (!location)
                return location;
            return readLocation(location.value(), baseDirectory, at + "/" + key);
        }
    }
    return unexpected(errorAt(at, "state machine '" + entry.logicalId +
                                      "' has no Definition, DefinitionString, DefinitionUri or DefinitionS3Location"));
}

std::string replacePlaceholders(const std::string &text, const std::map<std::string, std::string> &values)
{
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t open = text.find("${", pos);
        const std::size_t close = open == std::string::npos ? std::string::npos : text.find('}', open + 2);
        if (close == std::string::npos) {
            out += text.substr(pos);
            break;
        }
        const auto found = values.find(text.substr(open + 2, close - open - 2));
        out += text.substr(pos, open - pos);
        out += found != values.end() ? found->second : text.substr(open, close + 1 - open);
        pos = close + 1;
    }
    return out;
}

Json substituteDefinition(const Json &value, const std::map<std::string, std::string> &values)
{
    if (value.is_string())
        return Json(replacePlaceholders(value.get<std::string>(), values));
    if (value.is_object()) {
        Json out = Json::object();
        for (auto it = value.begin(); it != value.end(); ++it)
            out[replacePlaceholders(it.key(), values)] = substituteDefinition(it.value(), values);
        return out;
    }
    if (value.is_array()) {
        Json out = Json::array();
        for (const Json &item : value)
            out.push_back(substituteDefinition(item, values));
        return out;
    }
    return value;
}

} // namespace

std::string pointerOf(const std::vector<std::string> &path)
{
    std::string pointer;
    for (const std::string &key : path)
        pointer = asl::childPointer(pointer, key);
    return pointer;
}

std::vector<MachineEntry> findMachines(const Json &document)
{
    std::vector<MachineEntry> machines;
    if (!document.is_object())
        return machines;
    if (document.contains("Resources") && document.at("Resources").is_object()) {
        for (auto it = document.at("Resources").begin(); it != document.at("Resources").end(); ++it) {
            const Json &resource = it.value();
            if (!resource.is_object() || !resource.contains("Type") || !resource.at("Type").is_string())
                continue;
            const std::string type = resource.at("Type").get<std::string>();
            if (type != "AWS::Serverless::StateMachine" && type != "AWS::StepFunctions::StateMachine")
                continue;
            static const Json kNoProperties = Json::object();
            const Json *properties = resource.contains("Properties") && resource.at("Properties").is_object()
                                         ? &resource.at("Properties")
                                         : &kNoProperties;
            machines.push_back({it.key(), type == "AWS::Serverless::StateMachine" ? "SAM" : "CloudFormation",
                                {"Resources", it.key(), "Properties"}, properties});
        }
    }
    if (document.contains("stepFunctions") && document.at("stepFunctions").is_object() &&
        document.at("stepFunctions").contains("stateMachines") &&
        document.at("stepFunctions").at("stateMachines").is_object()) {
        const Json &all = document.at("stepFunctions").at("stateMachines");
        for (auto it = all.begin(); it != all.end(); ++it)
            if (it.value().is_object())
                machines.push_back({it.key(), "Serverless Framework", {"stepFunctions", "stateMachines", it.key()}, &it.value()});
    }
    return machines;
}

Result<MachineEntry, FormatError> selectMachine(const Json &document, const std::string &logicalId)
{
    const std::vector<MachineEntry> machines = findMachines(document);
    std::string names;
    for (const MachineEntry &machine : machines)
        names += (names.empty() ? "" : ", ") + machine.logicalId;
    if (machines.empty())
        return unexpected(FormatError{"the template has no state machine (no AWS::Serverless::StateMachine or "
                                      "AWS::StepFunctions::StateMachine resource, no stepFunctions.stateMachines)",
                                      ""});
    if (logicalId.empty()) {
        if (machines.size() == 1)
            return machines.front();
        return unexpected(FormatError{"the template has " + std::to_string(machines.size()) +
                                          " state machines (" + names + "); choose one with --state-machine",
                                      ""});
    }
    for (const MachineEntry &machine : machines)
        if (machine.logicalId == logicalId)
            return machine;
    return unexpected(FormatError{"the template has no state machine '" + logicalId + "' (it has " + names + ")", ""});
}

Result<std::map<std::string, std::string>, FormatError> resolveSubstitutions(const Json &document, const MachineEntry &entry)
{
    std::map<std::string, std::string> values;
    const Json &properties = *entry.properties;
    if (!properties.contains("DefinitionSubstitutions"))
        return values;
    const CfnResolver resolver(document);
    const std::string at = pointerOf(entry.path) + "/DefinitionSubstitutions";
    const Json &substitutions = properties.at("DefinitionSubstitutions");
    if (!substitutions.is_object())
        return unexpected(errorAt(at, "DefinitionSubstitutions must be an object"));
    for (auto it = substitutions.begin(); it != substitutions.end(); ++it) {
        auto value = resolver.resolve(it.value(), asl::childPointer(at, it.key()));
        if (!value)
            return unexpected(value.error());
        const Json &v = value.value();
        if (!v.is_string() && !v.is_number() && !v.is_boolean())
            return unexpected(errorAt(asl::childPointer(at, it.key()), "a substitution must be a string, number or boolean"));
        values[it.key()] = v.is_string() ? v.get<std::string>() : v.dump();
    }
    return values;
}

Result<std::vector<std::string>, FormatError> stateMachineIds(std::string_view text)
{
    auto document = parseTemplateDocument(text);
    if (!document)
        return unexpected(document.error());
    std::vector<std::string> ids;
    for (const MachineEntry &machine : findMachines(document.value()))
        ids.push_back(machine.logicalId);
    return ids;
}

Result<ImportedMachine, FormatError> importTemplate(std::string_view text, const ImportOptions &options)
{
    auto parsed = parseTemplateDocument(text);
    if (!parsed)
        return unexpected(parsed.error());
    const Json &document = parsed.value();
    auto entry = selectMachine(document, options.logicalId);
    if (!entry)
        return unexpected(entry.error());

    CfnResolver resolver(document);
    resolver.keepPlaceholders(substitutionNames(*entry.value().properties));
    auto definition = rawDefinition(entry.value(), resolver, options.baseDirectory);
    if (!definition)
        return unexpected(definition.error());

    auto values = resolveSubstitutions(document, entry.value());
    if (!values)
        return unexpected(values.error());
    if (!definition.value().is_object())
        return unexpected(errorAt(pointerOf(entry.value().path), "the definition is not a JSON object"));
    return ImportedMachine{entry.value().logicalId, entry.value().source,
                           substituteDefinition(definition.value(), values.value())};
}

} // namespace stepwise::formats
