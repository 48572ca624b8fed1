// ARN → ${Name} placeholders for DefinitionSubstitutions (see ArnLifting.h).
#include "core/formats/ArnLifting.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace stepwise::formats {
namespace {

std::vector<std::string> split(const std::string &text, char separator, std::size_t maxParts)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (parts.size() + 1 < maxParts) {
        const std::size_t at = text.find(separator, start);
        if (at == std::string::npos)
            break;
        parts.push_back(text.substr(start, at - start));
        start = at + 1;
    }
    parts.push_back(text.substr(start));
    return parts;
}

// "etl-alerts" → "EtlAlerts"; parameter names must be alphanumeric.
std::string pascalCase(const std::string &text)
{
    std::string out;
    bool upper = true;
    for (char c : text) {
        if (!std::isalnum(static_cast<unsigned char>(c))) {
            upper = true;
            continue;
        }
        out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0])))
        out = "Resource" + out;
    return out;
}

// The readable part of the resource and what kind of thing it is.
std::string nameFor(const std::string &service, const std::string &resource)
{
    const auto after = [&](char separator) {
        const std::vector<std::string> parts = split(resource, separator, 3);
        return parts.size() > 1 ? parts[1] : parts[0];
    };
    if (service == "lambda")
        return pascalCase(after(':')) + "FunctionArn";
    if (service == "sns")
        return pascalCase(resource) + "TopicArn";
    if (service == "sqs")
        return pascalCase(resource) + "QueueArn";
    if (service == "states")
        return pascalCase(after(':')) + (resource.rfind("activity:", 0) == 0 ? "ActivityArn" : "StateMachineArn");
    if (service == "dynamodb")
        return pascalCase(after('/')) + "TableArn";
    if (service == "events")
        return pascalCase(after('/')) + "EventBusArn";
    if (service == "iam")
        return pascalCase(after('/')) + "RoleArn";
    return pascalCase(resource) + pascalCase(service) + "Arn";
}

class Lifter
{
public:
    Json lift(const Json &value)
    {
        if (value.is_string() && isAccountArn(value.get<std::string>()))
            return Json("${" + nameOf(value.get<std::string>()) + "}");
        if (value.is_object()) {
            Json out = Json::object();
            for (auto it = value.begin(); it != value.end(); ++it)
                out[it.key()] = lift(it.value());
            return out;
        }
        if (value.is_array()) {
            Json out = Json::array();
            for (const Json &item : value)
                out.push_back(lift(item));
            return out;
        }
        return value;
    }

    std::vector<LiftedArn> arns;

private:
    std::string nameOf(const std::string &arn)
    {
        if (const auto found = m_byArn.find(arn); found != m_byArn.end())
            return found->second;
        const std::vector<std::string> parts = split(arn, ':', 6);
        const std::string base = nameFor(parts[2], parts[5]);
        std::string name = base;
        for (int n = 2; std::any_of(arns.begin(), arns.end(), [&](const LiftedArn &a) { return a.name == name; }); ++n)
            name = base + std::to_string(n);
        arns.push_back({name, arn});
        m_byArn[arn] = name;
        return name;
    }

    std::map<std::string, std::string> m_byArn;
};

} // namespace

bool isAccountArn(const std::string &text)
{
    if (text.rfind("arn:", 0) != 0)
        return false;
    const std::vector<std::string> parts = split(text, ':', 6);
    if (parts.size() < 6 || parts[2].empty() || parts[5].empty() || parts[4].size() != 12)
        return false;
    return std::all_of(parts[4].begin(), parts[4].end(), [](char c) { return c >= '0' && c <= '9'; });
}

LiftedDefinition liftArns(const Json &definition)
{
    Lifter lifter;
    LiftedDefinition result;
    result.definition = lifter.lift(definition);
    result.arns = std::move(lifter.arns);
    return result;
}

} // namespace stepwise::formats
