#pragma once
// Recognising Lambda resources and shaping their results as AWS does (ASL spec §12.2).
#include "core/common/Json.h"
#include "core/engine/TaskHandler.h"

#include <optional>
#include <string>

namespace stepwise::engine {

inline constexpr const char *kLambdaInvokeArn = "arn:aws:states:::lambda:invoke";

// `arn:aws:states:::lambda:invoke` (request/response; not the callback pattern).
bool isLambdaInvoke(const std::string &resource);

// The function name from a plain Lambda function ARN
// (`arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`).
std::optional<std::string> plainLambdaFunctionName(const std::string &resource);

// The function name of any accepted FunctionName form: a name, `name:qualifier`,
// `<account>:function:<name>[:qualifier]` or a full function ARN.
std::string functionNameFromReference(const std::string &reference);

// The Lambda function a request invokes: from a plain function ARN, or from the `FunctionName`
// parameter of lambda:invoke. nullopt for any other resource.
std::optional<std::string> requestedLambdaFunction(const TaskRequest &request);

// lambda:invoke's result around a function's return value: ExecutedVersion, Payload,
// SdkHttpMetadata, SdkResponseMetadata, StatusCode, in AWS's key order.
Json wrapLambdaInvokeResult(const Json &payload);

// A random version-4 UUID in lower-case text.
std::string randomUuid();

} // namespace stepwise::engine
