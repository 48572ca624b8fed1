#include "ui/palette/PaletteCatalog.h"

#include "core/asl/Parser.h"

#include <QCoreApplication>

namespace stepwise::ui {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Palette", text);
}

Json json(const char *text)
{
    // Templates are fixed text written below; parseDocument never throws.
    auto parsed = asl::parseDocument(text, asl::SourceFormat::Json);
    Q_ASSERT(parsed.hasValue());
    return parsed ? std::move(parsed).value() : Json::object();
}

// Workflow Studio's retry for Lambda's transient errors.
const char *const LambdaRetry = R"([{"ErrorEquals": ["Lambda.ServiceException",
    "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"],
    "IntervalSeconds": 1, "MaxAttempts": 3, "BackoffRate": 2, "JitterStrategy": "FULL"}])";

PaletteEntry task(QString title, QString description, QString glyph, const char *resource,
                  const char *parameters)
{
    Json state = Json::object();
    state["Type"] = "Task";
    state["Resource"] = resource;
    state["Parameters"] = json(parameters);
    return {std::move(title), tr("Actions"), std::move(description), std::move(glyph),
            asl::StateType::Task, std::move(state)};
}

PaletteEntry flow(QString title, QString description, asl::StateType type, const char *state)
{
    return {std::move(title), tr("Flow"), std::move(description), {}, type, json(state)};
}

} // namespace

std::vector<PaletteEntry> paletteCatalog()
{
    using T = asl::StateType;
    std::vector<PaletteEntry> entries{
        flow(tr("Pass"), tr("Passes its input to its output, optionally adding data"), T::Pass,
             R"({"Type": "Pass"})"),
        flow(tr("Choice"), tr("Branches on rules about the input"), T::Choice,
             R"({"Type": "Choice", "Choices": [{"Variable": "$.value", "NumericEquals": 0}]})"),
        flow(tr("Wait"), tr("Pauses for some seconds or until a timestamp"), T::Wait,
             R"({"Type": "Wait", "Seconds": 5})"),
        flow(tr("Succeed"), tr("Ends the execution successfully"), T::Succeed,
             R"({"Type": "Succeed"})"),
        flow(tr("Fail"), tr("Ends the execution with an error and a cause"), T::Fail,
             R"({"Type": "Fail", "Error": "Failed", "Cause": "Describe what went wrong"})"),
        flow(tr("Parallel"), tr("Runs branches at the same time"), T::Parallel,
             R"({"Type": "Parallel", "Branches": [
                 {"StartAt": "Branch 1", "States": {"Branch 1": {"Type": "Pass", "End": true}}},
                 {"StartAt": "Branch 2", "States": {"Branch 2": {"Type": "Pass", "End": true}}}]})"),
        flow(tr("Map"), tr("Runs the same steps for each item of an array"), T::Map,
             R"({"Type": "Map", "ItemsPath": "$.items", "ItemProcessor": {
                 "ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Process item",
                 "States": {"Process item": {"Type": "Pass", "End": true}}}})"),
    };
    PaletteEntry lambda = task(
        tr("Lambda Invoke"), tr("Invokes a Lambda function and returns its payload"),
        QStringLiteral("λ"), "arn:aws:states:::lambda:invoke",
        R"({"Payload.$": "$",
            "FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:MyFunction:$LATEST"})");
    lambda.state["OutputPath"] = "$.Payload";
    lambda.state["Retry"] = json(LambdaRetry);
    entries.push_back(std::move(lambda));
    entries.push_back(task(tr("SNS Publish"), tr("Publishes a message to an SNS topic"),
                           QStringLiteral("✉"), "arn:aws:states:::sns:publish",
                           R"({"TopicArn": "arn:aws:sns:us-east-1:123456789012:MyTopic",
                               "Message.$": "$"})"));
    entries.push_back(task(tr("SQS SendMessage"), tr("Sends a message to an SQS queue"),
                           QStringLiteral("Q"), "arn:aws:states:::sqs:sendMessage",
                           R"({"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/MyQueue",
                               "MessageBody.$": "$"})"));
    entries.push_back(task(tr("DynamoDB PutItem"), tr("Writes an item to a DynamoDB table"),
                           QStringLiteral("D"), "arn:aws:states:::dynamodb:putItem",
                           R"({"TableName": "MyTable", "Item": {"Id": {"S.$": "$.id"}}})"));
    entries.push_back(task(tr("DynamoDB GetItem"), tr("Reads an item from a DynamoDB table"),
                           QStringLiteral("D"), "arn:aws:states:::dynamodb:getItem",
                           R"({"TableName": "MyTable", "Key": {"Id": {"S.$": "$.id"}}})"));
    entries.push_back(task(tr("DynamoDB UpdateItem"), tr("Updates attributes of a DynamoDB item"),
                           QStringLiteral("D"), "arn:aws:states:::dynamodb:updateItem",
                           R"({"TableName": "MyTable", "Key": {"Id": {"S.$": "$.id"}},
                               "UpdateExpression": "SET #status = :status",
                               "ExpressionAttributeNames": {"#status": "status"},
                               "ExpressionAttributeValues": {":status": {"S.$": "$.status"}}})"));
    entries.push_back(task(tr("DynamoDB DeleteItem"), tr("Deletes an item from a DynamoDB table"),
                           QStringLiteral("D"), "arn:aws:states:::dynamodb:deleteItem",
                           R"({"TableName": "MyTable", "Key": {"Id": {"S.$": "$.id"}}})"));
    entries.push_back(task(
        tr("Bedrock InvokeModel"), tr("Runs a foundation model on Amazon Bedrock"),
        QStringLiteral("B"), "arn:aws:states:::bedrock:invokeModel",
        R"({"ModelId": "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
            "Body": {"anthropic_version": "bedrock-2023-05-31", "max_tokens": 512,
                     "messages": [{"role": "user", "content": "Summarise the input"}]}})"));
    entries.push_back(task(
        tr("HTTP Invoke"), tr("Calls an HTTPS API through an EventBridge connection"),
        QStringLiteral("H"), "arn:aws:states:::http:invoke",
        R"({"ApiEndpoint": "https://api.example.com/orders", "Method": "GET",
            "Authentication": {"ConnectionArn":
              "arn:aws:events:us-east-1:123456789012:connection/MyConnection/00000000-0000-0000-0000-000000000000"}})"));
    entries.push_back(task(
        tr("Step Functions StartExecution"),
        tr("Starts another state machine and waits for it to finish"), QStringLiteral("S"),
        "arn:aws:states:::states:startExecution.sync:2",
        R"({"StateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:MyStateMachine",
            "Input": {"StatePayload.$": "$",
                      "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$": "$$.Execution.Id"}})"));
    entries.push_back(task(tr("EventBridge PutEvents"), tr("Sends custom events to an event bus"),
                           QStringLiteral("E"), "arn:aws:states:::events:putEvents",
                           R"({"Entries": [{"Detail": {"Message": "Hello from Step Functions!"},
                               "DetailType": "MyDetailType", "EventBusName": "default",
                               "Source": "MySource"}]})"));
    return entries;
}

QByteArray palettePayload(const PaletteEntry &entry)
{
    Json payload = Json::object();
    payload["name"] = entry.title.toStdString();
    payload["state"] = entry.state;
    return QByteArray::fromStdString(payload.dump());
}

std::optional<PalettePayload> parsePalettePayload(const QByteArray &bytes)
{
    auto parsed = asl::parseDocument(bytes.toStdString(), asl::SourceFormat::Json);
    if (!parsed || !parsed->is_object())
        return std::nullopt;
    const Json &payload = *parsed;
    auto name = payload.find("name");
    auto state = payload.find("state");
    if (name == payload.end() || !name->is_string() || state == payload.end() ||
        !state->is_object())
        return std::nullopt;
    return PalettePayload{name->get<std::string>(), *state};
}

} // namespace stepwise::ui
