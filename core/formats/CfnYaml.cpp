// YAML with CloudFormation short tags → JSON in the long intrinsic-function form.
#include "core/formats/CfnYaml.h"

#include "core/asl/Yaml.h"

#include <yaml-cpp/yaml.h>

namespace stepwise::formats {
namespace {

FormatError yamlError(const YAML::Mark &mark, std::string message)
{
    const bool known = mark.line >= 0 && mark.column >= 0;
    return FormatError{std::move(message), "", known ? mark.line + 1 : 0, known ? mark.column + 1 : 0};
}

bool isShortIntrinsicTag(const std::string &tag)
{
    return tag.size() > 1 && tag[0] == '!' && tag[1] != '!';
}

// `!GetAtt Resource.Attribute` is the short form of ["Resource", "Attribute"]; the attribute may
// itself contain dots (Outputs.Name), so only the first dot splits.
Json getAttFromScalar(const std::string &text)
{
    const std::size_t dot = text.find('.');
    if (dot == std::string::npos)
        return Json::array({text});
    return Json::array({text.substr(0, dot), text.substr(dot + 1)});
}

Json scalarToJson(const YAML::Node &node)
{
    const std::string &text = node.Scalar();
    const std::string &tag = node.Tag();
    if (tag == "?")
        return asl::resolvePlainScalar(text);
    const std::string prefix = "tag:yaml.org,2002:";
    if (tag.rfind(prefix, 0) == 0 && tag != prefix + "str") {
        const Json resolved = asl::resolvePlainScalar(text);
        return resolved.is_string() ? Json(text) : resolved;
    }
    return Json(text);
}

Json intrinsic(const std::string &tag, Json value)
{
    const std::string name = tag.substr(1);
    if (name == "Ref" || name == "Condition")
        return Json::object({{name, std::move(value)}});
    if (name == "GetAtt" && value.is_string())
        value = getAttFromScalar(value.get<std::string>());
    return Json::object({{"Fn::" + name, std::move(value)}});
}

Result<Json, FormatError> toJsonValue(const YAML::Node &node)
{
    Json value;
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
        value = isShortIntrinsicTag(node.Tag()) ? Json(node.Scalar()) : scalarToJson(node);
        break;
    case YAML::NodeType::Sequence:
        value = Json::array();
        for (const YAML::Node &item : node) {
            auto element = toJsonValue(item);
            if (!element)
                return element;
            value.push_back(std::move(element).value());
        }
        break;
    case YAML::NodeType::Map:
        value = Json::object();
        for (const auto &member : node) {
            if (!member.first.IsScalar())
                return unexpected(yamlError(member.first.Mark(), "mapping keys must be scalars"));
            auto element = toJsonValue(member.second);
            if (!element)
                return element;
            value[member.first.Scalar()] = std::move(element).value();
        }
        break;
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        value = nullptr;
        break;
    }
    if (isShortIntrinsicTag(node.Tag()))
        return intrinsic(node.Tag(), std::move(value));
    return value;
}

} // namespace

bool looksLikeJson(std::string_view text)
{
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    // A UTF-8 byte order mark does not change the verdict.
    if (first != std::string_view::npos && text.substr(first, 3) == "\xEF\xBB\xBF")
        return looksLikeJson(text.substr(first + 3));
    return first != std::string_view::npos && (text[first] == '{' || text[first] == '[');
}

Result<Json, FormatError> parseCfnYaml(std::string_view text)
{
    try {
        return toJsonValue(YAML::Load(std::string(text)));
    } catch (const YAML::Exception &e) {
        return unexpected(yamlError(e.mark, e.msg));
    }
}

Result<Json, FormatError> parseTemplateDocument(std::string_view text)
{
    if (!looksLikeJson(text))
        return parseCfnYaml(text);
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error &e) {
        // nlohmann reports a byte offset; turn it into line and column for the message.
        const std::size_t offset = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
        int line = 1;
        int column = 1;
        for (std::size_t i = 0; i < offset; ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        std::string message = e.what();
        if (const std::size_t colon = message.find(": "); colon != std::string::npos)
            message = message.substr(colon + 2);
        return unexpected(FormatError{"invalid JSON: " + message, "", line, column});
    }
}

} // namespace stepwise::formats
