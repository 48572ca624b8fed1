// Writing a changed definition back into its template (see replaceDefinition in Template.h):
// only the bytes of the definition change, and the values that came from the template's
// parameters, resources and substitutions are written in their original form again.
#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"
#include "core/formats/CfnResolver.h"
#include "core/formats/CfnYaml.h"
#include "core/formats/TemplateLocate.h"
#include "core/formats/TextSplice.h"

#include <set>

namespace stepwise::formats {
namespace {

// Resolved text → how the template wrote it ("${Name}", {"Fn::GetAtt": ...}, ...).
struct Originals
{
    std::map<std::string, Json> byResolved;
    std::set<std::string> ambiguous;
    std::map<std::string, std::string> substitutionByValue; // fallback for new occurrences

    void collect(const Json &raw, const Json &resolved)
    {
        if (resolved.is_string()) {
            if (raw == resolved)
                return;
            const std::string key = resolved.get<std::string>();
            if (const auto found = byResolved.find(key); found != byResolved.end() && found->second != raw)
                ambiguous.insert(key);
            byResolved[key] = raw;
            return;
        }
        if (raw.is_object() && resolved.is_object() && !isIntrinsic(raw) && raw.size() == resolved.size()) {
            auto r = resolved.begin();
            for (auto it = raw.begin(); it != raw.end(); ++it, ++r)
                collect(it.value(), r.value());
        } else if (raw.is_array() && resolved.is_array() && raw.size() == resolved.size()) {
            for (std::size_t i = 0; i < raw.size(); ++i)
                collect(raw[i], resolved[i]);
        }
    }

    Json restore(const Json &value) const
    {
        if (value.is_string()) {
            const std::string text = value.get<std::string>();
            if (const auto found = byResolved.find(text); found != byResolved.end() && !ambiguous.count(text))
                return found->second;
            if (const auto found = substitutionByValue.find(text); found != substitutionByValue.end())
                return Json("${" + found->second + "}");
            return value;
        }
        if (value.is_object()) {
            Json out = Json::object();
            for (auto it = value.begin(); it != value.end(); ++it)
                out[it.key()] = restore(it.value());
            return out;
        }
        if (value.is_array()) {
            Json out = Json::array();
            for (const Json &item : value)
                out.push_back(restore(item));
            return out;
        }
        return value;
    }
};

std::string trim(std::string_view text)
{
    const std::size_t first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos)
        return "";
    const std::size_t last = text.find_last_not_of(" \t\r");
    return std::string(text.substr(first, last - first + 1));
}

std::string withoutFinalNewline(std::string text)
{
    while (!text.empty() && text.back() == '\n')
        text.pop_back();
    return text;
}

bool isBlockScalarHeader(const std::string &header)
{
    // "|", "|-", ">", "!Sub |", "!Sub |-" ... (a comment may follow).
    const std::string withoutComment = trim(header.substr(0, header.find(" #")));
    return !withoutComment.empty() && (withoutComment.back() == '|' || withoutComment.back() == '>' ||
                                       withoutComment.ends_with("|-") || withoutComment.ends_with(">-") ||
                                       withoutComment.ends_with("|+") || withoutComment.ends_with(">+"));
}

struct Target
{
    std::string key;       // Definition, DefinitionString or definition
    bool asString = false; // the definition is JSON text inside a string
    std::vector<std::string> subPath; // under the key: {"Fn::Sub"} or {"Fn::Sub", "0"} in long form
    std::string rawText;   // the JSON text as written (with ${...}) when asString
};

Result<Target, FormatError> targetOf(const MachineEntry &entry)
{
    const Json &properties = *entry.properties;
    const std::string at = pointerOf(entry.path);
    for (const char *key : {"Definition", "definition"}) {
        if (properties.contains(key) && !properties.at(key).is_string())
            return Target{key, false, {}, ""};
        if (properties.contains(key))
            return Target{key, true, {}, properties.at(key).get<std::string>()};
    }
    if (properties.contains("DefinitionString")) {
        const Json &value = properties.at("DefinitionString");
        if (value.is_string())
            return Target{"DefinitionString", true, {}, value.get<std::string>()};
        if (value.is_object() && value.contains("Fn::Sub") && value.size() == 1) {
            const Json &sub = value.at("Fn::Sub");
            if (sub.is_string())
                return Target{"DefinitionString", true, {"Fn::Sub"}, sub.get<std::string>()};
            if (sub.is_array() && !sub.empty() && sub[0].is_string())
                return Target{"DefinitionString", true, {"Fn::Sub", "0"}, sub[0].get<std::string>()};
        }
        return unexpected(FormatError{"this DefinitionString (built with " +
                                          (value.is_object() && !value.empty() ? value.begin().key() : std::string("?")) +
                                          ") cannot be rewritten in place; use Definition or Fn::Sub",
                                      at + "/DefinitionString"});
    }
    for (const char *key : {"DefinitionUri", "DefinitionS3Location"})
        if (properties.contains(key))
            return unexpected(FormatError{std::string("the definition lives in the file named by ") + key +
                                              "; save the machine to that file instead",
                                          at + "/" + key});
    return unexpected(FormatError{"state machine '" + entry.logicalId + "' has no definition to replace", at});
}

Result<std::string, FormatError> spliceJson(std::string_view text, const std::vector<std::string> &path,
                                            const Json &replacement)
{
    const auto span = findJsonValue(text, path);
    if (!span)
        return unexpected(FormatError{"cannot find the definition in the template text", pointerOf(path)});
    const int step = indentStep(text);
    const std::string indent = lineIndent(text, span->begin);
    const std::string value = replacement.is_string()
                                  ? replacement.dump(-1, ' ', false, Json::error_handler_t::replace)
                                  : indentLines(replacement.dump(step, ' ', false, Json::error_handler_t::replace), indent, false);
    return std::string(text.substr(0, span->begin)) + value + std::string(text.substr(span->end));
}

Result<std::string, FormatError> spliceYaml(std::string_view text, const std::vector<std::string> &path,
                                            const Json &definition, bool asString)
{
    const auto entry = findYamlEntry(text, path);
    if (!entry)
        return unexpected(FormatError{"cannot find the definition in the template text", pointerOf(path)});
    const int step = indentStep(text);
    const std::string indent(static_cast<std::size_t>(entry->keyColumn + step), ' ');
    const std::string_view value = text.substr(entry->value.begin, entry->value.end - entry->value.begin);
    const std::string header = trim(value.substr(0, value.find('\n')));
    std::string replacement;
    if (!asString) {
        replacement = "\n" + withoutFinalNewline(indentLines(asl::jsonToYaml(definition), indent, true));
    } else if (isBlockScalarHeader(header)) {
        replacement = " " + header + "\n" +
                      indentLines(definition.dump(step, ' ', false, Json::error_handler_t::replace), indent, true);
    } else {
        // A one-line scalar, perhaps tagged (!Sub "..."): keep the tag, write a JSON string.
        const std::string tag = !header.empty() && header[0] == '!' ? header.substr(0, header.find(' ')) + " " : "";
        replacement = " " + tag + Json(definition.dump(-1, ' ', false, Json::error_handler_t::replace)).dump();
    }
    return std::string(text.substr(0, entry->value.begin)) + replacement + std::string(text.substr(entry->value.end));
}

} // namespace

Result<std::string, FormatError> replaceDefinition(std::string_view templateText, const std::string &logicalId,
                                                   const asl::StateMachine &machine)
{
    auto parsed = parseTemplateDocument(templateText);
    if (!parsed)
        return unexpected(parsed.error());
    const Json &document = parsed.value();
    auto entry = selectMachine(document, logicalId);
    if (!entry)
        return unexpected(entry.error());
    auto target = targetOf(entry.value());
    if (!target)
        return unexpected(target.error());
    ImportOptions options;
    options.logicalId = entry.value().logicalId;
    auto imported = importTemplate(templateText, options);
    if (!imported)
        return unexpected(imported.error());
    auto substitutions = resolveSubstitutions(document, entry.value());
    if (!substitutions)
        return unexpected(substitutions.error());

    Originals originals;
    for (const auto &[name, value] : substitutions.value())
        if (!value.empty())
            originals.substitutionByValue.emplace(value, name);
    const Json &properties = *entry.value().properties;
    if (!target.value().asString) {
        originals.collect(properties.at(target.value().key), imported.value().definition);
    } else if (auto raw = asl::parseDocument(target.value().rawText); raw) {
        originals.collect(raw.value(), imported.value().definition);
    }
    const Json definition = originals.restore(asl::toJson(machine));

    std::vector<std::string> path = entry.value().path;
    path.push_back(target.value().key);
    const bool yaml = !looksLikeJson(templateText);
    if (!yaml) {
        path.insert(path.end(), target.value().subPath.begin(), target.value().subPath.end());
        const Json value = target.value().asString ? Json(definition.dump(-1, ' ', false, Json::error_handler_t::replace))
                                                   : definition;
        return spliceJson(templateText, path, value);
    }
    // In YAML a short-form !Sub is the value itself; the long form is a nested Fn::Sub key.
    if (!target.value().subPath.empty()) {
        const Json &written = properties.at(target.value().key);
        if (written.is_object() && findYamlEntry(templateText, [&] {
                                       auto p = path;
                                       p.push_back("Fn::Sub");
                                       return p;
                                   }())) {
            if (target.value().subPath.size() > 1)
                return unexpected(FormatError{"a DefinitionString written as Fn::Sub [text, variables] in YAML "
                                              "cannot be rewritten in place",
                                              pointerOf(path)});
            path.push_back("Fn::Sub");
        }
    }
    return spliceYaml(templateText, path, definition, target.value().asString);
}

} // namespace stepwise::formats
