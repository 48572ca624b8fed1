// Local evaluation of CloudFormation intrinsic functions (see CfnResolver.h).
#include "core/formats/CfnResolver.h"

#include "core/asl/JsonPointer.h"

#include <cctype>

namespace stepwise::formats {
namespace {

const char *const kNameProperties[][2] = {
    {"AWS::Lambda::Function", "FunctionName"},       {"AWS::Serverless::Function", "FunctionName"},
    {"AWS::SNS::Topic", "TopicName"},                {"AWS::SQS::Queue", "QueueName"},
    {"AWS::DynamoDB::Table", "TableName"},           {"AWS::Serverless::SimpleTable", "TableName"},
    {"AWS::StepFunctions::StateMachine", "StateMachineName"},
    {"AWS::Serverless::StateMachine", "Name"},       {"AWS::S3::Bucket", "BucketName"},
    {"AWS::Events::EventBus", "Name"},               {"AWS::IAM::Role", "RoleName"},
};

std::string typeOf(const Json &resource)
{
    return resource.contains("Type") && resource.at("Type").is_string() ? resource.at("Type").get<std::string>() : "";
}

std::string arn(const std::string &service, const std::string &resource)
{
    return "arn:aws:" + service + ":" + kLocalRegion + ":" + kLocalAccount + ":" + resource;
}

FormatError errorAt(const std::string &pointer, std::string message)
{
    return FormatError{std::move(message), pointer};
}

} // namespace

bool isIntrinsic(const Json &value)
{
    if (!value.is_object() || value.size() != 1)
        return false;
    const std::string &key = value.begin().key();
    return key == "Ref" || key == "Condition" || key.rfind("Fn::", 0) == 0;
}

CfnResolver::CfnResolver(const Json &templateDocument) : m_template(templateDocument) {}

Result<Json, FormatError> CfnResolver::resolve(const Json &value, const std::string &pointer) const
{
    // A template whose names refer to themselves would recurse forever; CloudFormation calls it
    // a circular dependency.
    if (m_depth > 64)
        return unexpected(errorAt(pointer, "circular reference between the template's names"));
    ++m_depth;
    auto result = resolveValue(value, pointer);
    --m_depth;
    return result;
}

Result<Json, FormatError> CfnResolver::resolveValue(const Json &value, const std::string &pointer) const
{
    if (isIntrinsic(value))
        return resolveIntrinsic(value.begin().key(), value.begin().value(),
                                asl::childPointer(pointer, value.begin().key()));
    if (value.is_object()) {
        Json result = Json::object();
        for (auto it = value.begin(); it != value.end(); ++it) {
            auto member = resolve(it.value(), asl::childPointer(pointer, it.key()));
            if (!member)
                return member;
            result[it.key()] = std::move(member).value();
        }
        return result;
    }
    if (value.is_array()) {
        Json result = Json::array();
        for (std::size_t i = 0; i < value.size(); ++i) {
            auto element = resolve(value[i], pointer + "/" + std::to_string(i));
            if (!element)
                return element;
            result.push_back(std::move(element).value());
        }
        return result;
    }
    return value;
}

Result<Json, FormatError> CfnResolver::resolveIntrinsic(const std::string &function, const Json &argument,
                                                        const std::string &pointer) const
{
    if (function == "Ref") {
        if (!argument.is_string())
            return unexpected(errorAt(pointer, "Ref needs the name of a parameter or resource"));
        return ref(argument.get<std::string>(), pointer);
    }
    if (function == "Fn::GetAtt") {
        Json parts = argument;
        if (parts.is_string()) {
            const std::string text = parts.get<std::string>();
            const std::size_t dot = text.find('.');
            parts = dot == std::string::npos ? Json::array({text})
                                             : Json::array({text.substr(0, dot), text.substr(dot + 1)});
        }
        if (!parts.is_array() || parts.size() != 2 || !parts[0].is_string() || !parts[1].is_string())
            return unexpected(errorAt(pointer, "Fn::GetAtt needs [resource, attribute]"));
        return getAtt(parts[0].get<std::string>(), parts[1].get<std::string>(), pointer);
    }
    if (function == "Fn::Sub") {
        std::map<std::string, std::string> variables;
        const Json *text = &argument;
        if (argument.is_array()) {
            if (argument.size() != 2 || !argument[1].is_object())
                return unexpected(errorAt(pointer, "Fn::Sub needs a string or [string, {variables}]"));
            text = &argument[0];
            for (auto it = argument[1].begin(); it != argument[1].end(); ++it) {
                auto variable = resolveToString(it.value(), asl::childPointer(pointer + "/1", it.key()));
                if (!variable)
                    return unexpected(variable.error());
                variables[it.key()] = variable.value();
            }
        }
        if (!text->is_string())
            return unexpected(errorAt(pointer, "Fn::Sub needs a template string"));
        auto result = substitute(text->get<std::string>(), variables, argument.is_array() ? pointer + "/0" : pointer);
        if (!result)
            return unexpected(result.error());
        return Json(result.value());
    }
    if (function == "Fn::Join") {
        if (!argument.is_array() || argument.size() != 2 || !argument[0].is_string())
            return unexpected(errorAt(pointer, "Fn::Join needs [delimiter, [values]]"));
        auto list = resolve(argument[1], pointer + "/1");
        if (!list)
            return list;
        if (!list.value().is_array())
            return unexpected(errorAt(pointer + "/1", "Fn::Join needs a list of values"));
        std::string joined;
        for (std::size_t i = 0; i < list.value().size(); ++i) {
            auto part = resolveToString(list.value()[i], pointer + "/1/" + std::to_string(i));
            if (!part)
                return unexpected(part.error());
            joined += (i ? argument[0].get<std::string>() : "") + part.value();
        }
        return Json(joined);
    }
    return unexpected(errorAt(pointer, function + " cannot be evaluated without deploying the template "
                                                  "(Stepwise resolves Ref, Fn::GetAtt, Fn::Sub and Fn::Join)"));
}

Result<std::string, FormatError> CfnResolver::resolveToString(const Json &value, const std::string &pointer) const
{
    auto resolved = resolve(value, pointer);
    if (!resolved)
        return unexpected(resolved.error());
    const Json &v = resolved.value();
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_number() || v.is_boolean())
        return v.dump();
    return unexpected(errorAt(pointer, "expected a string, found " + std::string(v.type_name())));
}

Result<std::string, FormatError> CfnResolver::substitute(const std::string &text,
                                                         const std::map<std::string, std::string> &variables,
                                                         const std::string &pointer) const
{
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t open = text.find("${", pos);
        if (open == std::string::npos) {
            out += text.substr(pos);
            break;
        }
        out += text.substr(pos, open - pos);
        const std::size_t close = text.find('}', open + 2);
        if (close == std::string::npos)
            return unexpected(errorAt(pointer, "unterminated ${ in Fn::Sub string"));
        const std::string name = text.substr(open + 2, close - open - 2);
        pos = close + 1;
        if (!name.empty() && name[0] == '!') { // ${!Literal} escapes the substitution
            out += "${" + name.substr(1) + "}";
            continue;
        }
        if (const auto found = variables.find(name); found != variables.end()) {
            out += found->second;
            continue;
        }
        if (m_kept.count(name)) {
            out += "${" + name + "}";
            continue;
        }
        const std::size_t dot = name.find('.');
        const Json expression = dot == std::string::npos
                                    ? Json::object({{"Ref", name}})
                                    : Json::object({{"Fn::GetAtt", Json::array({name.substr(0, dot), name.substr(dot + 1)})}});
        auto value = resolveToString(expression, pointer);
        if (!value)
            return unexpected(FormatError{"${" + name + "}: " + value.error().message, pointer});
        out += value.value();
    }
    return out;
}

Result<Json, FormatError> CfnResolver::ref(const std::string &name, const std::string &pointer) const
{
    if (name == "AWS::Region")
        return Json(kLocalRegion);
    if (name == "AWS::AccountId")
        return Json(kLocalAccount);
    if (name == "AWS::Partition")
        return Json("aws");
    if (name == "AWS::URLSuffix")
        return Json("amazonaws.com");
    if (name == "AWS::StackName")
        return Json("stepwise-local");
    if (m_template.contains("Parameters") && m_template.at("Parameters").contains(name)) {
        const Json &parameter = m_template.at("Parameters").at(name);
        if (!parameter.is_object() || !parameter.contains("Default"))
            return unexpected(errorAt(pointer, "parameter '" + name +
                                                   "' has no Default, so its value is only known at deploy time"));
        return resolve(parameter.at("Default"), asl::childPointer(asl::childPointer("/Parameters", name), "Default"));
    }
    if (m_template.contains("Resources") && m_template.at("Resources").contains(name)) {
        const Json &resource = m_template.at("Resources").at(name);
        const std::string type = typeOf(resource);
        const std::string physical = physicalName(name, resource);
        if (type == "AWS::SNS::Topic")
            return Json(arn("sns", physical));
        if (type == "AWS::SQS::Queue")
            return Json(std::string("https://sqs.") + kLocalRegion + ".amazonaws.com/" + kLocalAccount + "/" + physical);
        if (type == "AWS::StepFunctions::StateMachine" || type == "AWS::Serverless::StateMachine")
            return Json(arn("states", "stateMachine:" + physical));
        return Json(physical);
    }
    std::string functionName;
    if (serverlessFunction(name, functionName))
        return Json(functionName);
    return unexpected(errorAt(pointer, "Ref to '" + name + "', which is neither a parameter nor a resource of the template"));
}

Result<Json, FormatError> CfnResolver::getAtt(const std::string &resourceId, const std::string &attribute,
                                              const std::string &pointer) const
{
    std::string functionName;
    if (serverlessFunction(resourceId, functionName) && attribute == "Arn")
        return Json(arn("lambda", "function:" + functionName));
    if (!m_template.contains("Resources") || !m_template.at("Resources").contains(resourceId))
        return unexpected(errorAt(pointer, "Fn::GetAtt of '" + resourceId + "', which is not a resource of the template"));
    const Json &resource = m_template.at("Resources").at(resourceId);
    const std::string type = typeOf(resource);
    const std::string name = physicalName(resourceId, resource);
    if ((type == "AWS::Lambda::Function" || type == "AWS::Serverless::Function") && attribute == "Arn")
        return Json(arn("lambda", "function:" + name));
    if ((type == "AWS::DynamoDB::Table" || type == "AWS::Serverless::SimpleTable") && attribute == "Arn")
        return Json(arn("dynamodb", "table/" + name));
    if (type == "AWS::SNS::Topic" && (attribute == "TopicArn" || attribute == "Arn"))
        return Json(arn("sns", name));
    if (type == "AWS::SQS::Queue" && attribute == "Arn")
        return Json(arn("sqs", name));
    if (type == "AWS::SQS::Queue" && attribute == "QueueUrl")
        return ref(resourceId, pointer);
    if ((type == "AWS::StepFunctions::StateMachine" || type == "AWS::Serverless::StateMachine") && attribute == "Arn")
        return Json(arn("states", "stateMachine:" + name));
    if (attribute == "Name")
        return Json(name);
    if (type == "AWS::S3::Bucket" && attribute == "Arn")
        return Json("arn:aws:s3:::" + name);
    if (type == "AWS::Events::EventBus" && attribute == "Arn")
        return Json(arn("events", "event-bus/" + name));
    if (type == "AWS::IAM::Role" && attribute == "Arn")
        return Json(std::string("arn:aws:iam::") + kLocalAccount + ":role/" + name);
    return unexpected(errorAt(pointer, "Fn::GetAtt " + resourceId + "." + attribute + " (" + type +
                                           ") is only known after deployment"));
}

std::string CfnResolver::physicalName(const std::string &logicalId, const Json &resource) const
{
    const std::string type = typeOf(resource);
    for (const auto &[resourceType, property] : kNameProperties) {
        if (type != resourceType || !resource.contains("Properties") || !resource.at("Properties").is_object())
            continue;
        const Json &properties = resource.at("Properties");
        if (!properties.contains(property))
            continue;
        // Names are often built with Fn::Sub ("worker-${Stage}"); an unresolvable one falls back.
        if (auto name = resolve(properties.at(property), ""); name && name.value().is_string())
            return name.value().get<std::string>();
    }
    return logicalId;
}

// Serverless Framework names the function `hello` "<service>-<stage>-hello" and its
// CloudFormation resource "HelloLambdaFunction".
const Json *CfnResolver::serverlessFunction(const std::string &logicalId, std::string &functionName) const
{
    if (!m_template.contains("functions") || !m_template.at("functions").is_object() || !m_template.contains("service"))
        return nullptr;
    for (auto it = m_template.at("functions").begin(); it != m_template.at("functions").end(); ++it) {
        std::string key = it.key();
        std::string id = key;
        if (!id.empty())
            id[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(id[0])));
        if (logicalId != id + "LambdaFunction" && logicalId != key)
            continue;
        const Json &service = m_template.at("service");
        const std::string serviceName =
            service.is_string() ? service.get<std::string>()
                                : (service.is_object() && service.contains("name") && service.at("name").is_string()
                                       ? service.at("name").get<std::string>()
                                       : "service");
        std::string stage = "dev";
        if (m_template.contains("provider") && m_template.at("provider").is_object() &&
            m_template.at("provider").contains("stage") && m_template.at("provider").at("stage").is_string())
            stage = m_template.at("provider").at("stage").get<std::string>();
        functionName = serviceName + "-" + stage + "-" + key;
        if (it.value().is_object() && it.value().contains("name") && it.value().at("name").is_string())
            functionName = it.value().at("name").get<std::string>();
        return &it.value();
    }
    return nullptr;
}

} // namespace stepwise::formats
