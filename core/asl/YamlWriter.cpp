// JSON → YAML text through yaml-cpp's emitter: block style, key order kept, and every string
// that would read back as something else (null, a boolean, a number) double-quoted.
#include "core/asl/Serializer.h"
#include "core/asl/Yaml.h"

#include <yaml-cpp/yaml.h>

namespace stepwise::asl {
namespace {

void emitString(YAML::Emitter &out, const std::string &text)
{
    if (!resolvePlainScalar(text).is_string())
        out << YAML::DoubleQuoted;
    out << text;
}

void emitValue(YAML::Emitter &out, const Json &value)
{
    switch (value.type()) {
    case Json::value_t::object:
        if (value.empty())
            out << YAML::Flow;
        out << YAML::BeginMap;
        for (auto it = value.begin(); it != value.end(); ++it) {
            out << YAML::Key;
            emitString(out, it.key());
            out << YAML::Value;
            emitValue(out, it.value());
        }
        out << YAML::EndMap;
        break;
    case Json::value_t::array:
        if (value.empty())
            out << YAML::Flow;
        out << YAML::BeginSeq;
        for (const Json &item : value)
            emitValue(out, item);
        out << YAML::EndSeq;
        break;
    case Json::value_t::string:
        emitString(out, value.get_ref<const std::string &>());
        break;
    case Json::value_t::boolean:
        out << (value.get<bool>() ? "true" : "false");
        break;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        out << value.dump();
        break;
    case Json::value_t::null:
    case Json::value_t::binary:
    case Json::value_t::discarded:
        out << YAML::Null;
        break;
    }
}

} // namespace

std::string jsonToYaml(const Json &document)
{
    YAML::Emitter out;
    out.SetIndent(2);
    emitValue(out, document);
    std::string text = out.c_str();
    text += '\n';
    return text;
}

} // namespace stepwise::asl
