#pragma once
// What a Task's Resource ARN says about its history events (ASL spec §9.2, §9.3): plain Lambda
// ARNs record LambdaFunction* events, activities Activity* events, service integrations Task*
// events with the ARN split into resourceType and resource.
#include <string>

namespace stepwise::engine {

enum class ResourceKind { Lambda, Activity, Integration };

struct ResourceInfo
{
    ResourceKind kind = ResourceKind::Integration;
    std::string resourceType; // integrations: "lambda", "aws-sdk:s3", ...
    std::string resource;     // integrations: "invoke", "getObject", ...
};

// Spec §9.2: split "arn:aws:states:::<service>:<action>" into resourceType and resource.
ResourceInfo classifyResource(const std::string &arn);

} // namespace stepwise::engine
