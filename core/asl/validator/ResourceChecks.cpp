// Task `Resource` ARN forms and Express-machine restrictions (ASL spec §1.6 Task, §12.1).
#include "core/asl/validator/ValidationContext.h"

#include <regex>

namespace stepwise::asl::validator {
namespace {

// Optimized integrations ("service:action"); the integration-pattern suffix is checked apart.
const std::set<std::string> &optimizedIntegrations()
{
    static const std::set<std::string> kActions = {
        "lambda:invoke", "dynamodb:getItem", "dynamodb:putItem", "dynamodb:deleteItem",
        "dynamodb:updateItem", "sns:publish", "sqs:sendMessage", "states:startExecution",
        "events:putEvents", "ecs:runTask", "batch:submitJob", "glue:startJobRun",
        "athena:startQueryExecution", "athena:stopQueryExecution", "athena:getQueryExecution",
        "athena:getQueryResults", "sagemaker:createTrainingJob", "sagemaker:createTransformJob",
        "sagemaker:createEndpoint", "sagemaker:createEndpointConfig",
        "sagemaker:createHyperParameterTuningJob", "sagemaker:createLabelingJob",
        "sagemaker:createModel", "sagemaker:createProcessingJob", "sagemaker:updateEndpoint",
        "codebuild:startBuild", "codebuild:stopBuild", "codebuild:batchDeleteBuilds",
        "codebuild:batchGetReports", "codebuild:startBuildBatch", "codebuild:stopBuildBatch",
        "codebuild:retryBuildBatch", "codebuild:retryBuild", "codebuild:deleteBuildBatch",
        "eks:createCluster", "eks:deleteCluster", "eks:createFargateProfile",
        "eks:deleteFargateProfile", "eks:createNodegroup", "eks:deleteNodegroup", "eks:runJob",
        "eks:call", "elasticmapreduce:createCluster", "elasticmapreduce:terminateCluster",
        "elasticmapreduce:addStep", "elasticmapreduce:cancelStep",
        "elasticmapreduce:setClusterTerminationProtection",
        "elasticmapreduce:modifyInstanceFleetByName", "elasticmapreduce:modifyInstanceGroupByName",
        "emr-containers:createVirtualCluster", "emr-containers:deleteVirtualCluster",
        "emr-containers:startJobRun", "emr-serverless:createApplication",
        "emr-serverless:startApplication", "emr-serverless:stopApplication",
        "emr-serverless:deleteApplication", "emr-serverless:startJobRun",
        "emr-serverless:cancelJobRun", "apigateway:invoke", "databrew:startJobRun",
        "mediaconvert:createJob", "bedrock:invokeModel", "bedrock:createModelCustomizationJob",
        "http:invoke", "glue:startCrawler", "states:startSyncExecution",
    };
    return kActions;
}

enum class Pattern { RequestResponse, Sync, WaitForTaskToken };

struct ParsedResource
{
    bool recognized = false;
    bool activity = false;
    Pattern pattern = Pattern::RequestResponse;
};

ParsedResource parseResource(const std::string &arn)
{
    static const std::regex kLambda(
        R"(arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,140}(:[A-Za-z0-9_$-]+)?)");
    static const std::regex kActivity(R"(arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:activity:[^:\s]+)");
    static const std::regex kIntegration(
        R"(arn:aws[a-z-]*:states:::([a-z0-9-]+:[A-Za-z0-9]+)(\.sync(:2)?|\.waitForTaskToken)?)");
    static const std::regex kSdk(
        R"(arn:aws[a-z-]*:states:::aws-sdk:[a-z0-9.-]+:[A-Za-z0-9]+(\.waitForTaskToken)?)");
    ParsedResource parsed;
    std::smatch match;
    if (std::regex_match(arn, kLambda)) {
        parsed.recognized = true;
    } else if (std::regex_match(arn, kActivity)) {
        parsed.recognized = true;
        parsed.activity = true;
    } else if (std::regex_match(arn, match, kSdk)) {
        parsed.recognized = true;
        parsed.pattern = match[1].matched ? Pattern::WaitForTaskToken : Pattern::RequestResponse;
    } else if (std::regex_match(arn, match, kIntegration) &&
               optimizedIntegrations().contains(match[1].str())) {
        parsed.recognized = true;
        if (match[2].matched)
            parsed.pattern = match[2].str().starts_with(".sync") ? Pattern::Sync
                                                                  : Pattern::WaitForTaskToken;
    }
    return parsed;
}

} // namespace

void checkResource(ValidationContext &ctx, const StateRef &state)
{
    auto it = state.json.find("Resource");
    if (it == state.json.end())
        return;
    const std::string pointer = childPointer(state.pointer, "Resource");
    if (!it->is_string()) {
        ctx.error(pointer, "The value of the field 'Resource' must be a string");
        return;
    }
    const std::string arn = it->get<std::string>();
    const ParsedResource parsed = arn.size() > 2048 ? ParsedResource{} : parseResource(arn);
    if (!parsed.recognized) {
        ctx.error(pointer, "The resource provided " + arn +
                               " is not recognized. The value is not a valid resource ARN, or the "
                               "resource is not available in this region.");
        return;
    }
    if (ctx.options().machineType != MachineType::Express)
        return;
    if (parsed.activity)
        ctx.error(pointer, "Express state machine does not support Activity ARN");
    else if (parsed.pattern == Pattern::Sync)
        ctx.error(pointer, "Express state machine does not support '.sync' service integration");
    else if (parsed.pattern == Pattern::WaitForTaskToken)
        ctx.error(pointer,
                  "Express state machine does not support '.waitForTaskToken' service integration ");
}

} // namespace stepwise::asl::validator
