#pragma once
// Finds the account-specific ARNs in a definition (Lambda functions, SNS topics, queues, other
// state machines, ...) and replaces each with a `${Name}` placeholder, so a template can pass
// them in as parameters. Service-integration ARNs such as arn:aws:states:::lambda:invoke name
// no account and stay as they are.
#include "core/common/Json.h"

#include <string>
#include <vector>

namespace stepwise::formats {

struct LiftedArn
{
    std::string name; // placeholder and parameter name, e.g. CheckInventoryFunctionArn
    std::string arn;
};

struct LiftedDefinition
{
    Json definition;              // with "${Name}" where each ARN was
    std::vector<LiftedArn> arns;  // in order of first appearance, each ARN once
};

LiftedDefinition liftArns(const Json &definition);

// "arn:<partition>:<service>:<region>:<12-digit account>:<resource>".
bool isAccountArn(const std::string &text);

} // namespace stepwise::formats
