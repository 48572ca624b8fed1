// Templates: every example survives export → import unchanged in all four template flavours;
// imports resolve intrinsic functions and substitutions from SAM, CloudFormation (JSON and
// YAML with short tags) and Serverless Framework; write-back changes the definition only.
#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"
#include "core/formats/Template.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace stepwise;
namespace fs = std::filesystem;

// moc does not read raw string literals; it need not see any of the helpers.
#ifndef Q_MOC_RUN
namespace {

std::string readText(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeText(const fs::path &path, const std::string &text)
{
    std::ofstream(path, std::ios::binary) << text;
}

std::vector<fs::path> exampleDefinitions()
{
    std::vector<fs::path> files;
    for (const auto &entry : fs::recursive_directory_iterator(STEPWISE_SOURCE_DIR "/resources/examples")) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && name.ends_with(".asl.json"))
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

asl::StateMachine machineOf(const std::string &text)
{
    auto machine = asl::parse(text);
    if (!machine)
        qFatal("test definition does not parse: %s", machine.error().message.c_str());
    return std::move(machine).value();
}

formats::ImportedMachine importOrFail(const std::string &text, const formats::ImportOptions &options = {})
{
    auto imported = formats::importTemplate(text, options);
    if (!imported)
        qFatal("import failed at '%s': %s", imported.error().pointer.c_str(), imported.error().message.c_str());
    return std::move(imported).value();
}

std::string importError(const std::string &text, const std::string &logicalId = "")
{
    formats::ImportOptions options;
    options.logicalId = logicalId;
    auto imported = formats::importTemplate(text, options);
    return imported ? std::string("(imported)") : imported.error().message + " @" + imported.error().pointer;
}

const char *const kSmallMachine = R"({
  "StartAt": "Check",
  "States": {
    "Check": {
      "Type": "Task",
      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Check",
      "Next": "Tell"
    },
    "Tell": {
      "Type": "Task",
      "Resource": "arn:aws:states:::sns:publish",
      "Parameters": { "TopicArn": "arn:aws:sns:us-east-1:123456789012:alerts", "Message": "done" },
      "End": true
    }
  }
})";

const char *const kMachineWithApostrophe = R"({"Comment": "it's here", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}})";

const char *const kQuotedDefinition = R"(--definition '{"Comment":"it'\''s here","StartAt":"A")";

const char *const kYamlWithShortTags = R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Stage:
    Type: String
    Default: prod
Resources:
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: !Sub "worker-${Stage}"
  Alerts:
    Type: AWS::SNS::Topic
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: !GetAtt Role.Arn
      DefinitionString: !Sub |
        {
          "Comment": "Runs in ${AWS::Region} for ${Stage}",
          "StartAt": "Work",
          "States": {
            "Work": {"Type": "Task", "Resource": "${WorkerArn}", "Next": "Tell"},
            "Tell": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
                     "Parameters": {"TopicArn": "${Topic}", "Message": "${!NotASubstitution}"}, "End": true}
          }
        }
      DefinitionSubstitutions:
        WorkerArn: !GetAtt Worker.Arn
        Topic: !Ref Alerts
)";

const char *const kJoinedDefinitionString = R"({
  "Resources": {
    "Flow": {
      "Type": "AWS::StepFunctions::StateMachine",
      "Properties": {
        "DefinitionString": { "Fn::Join": ["", [
          "{\"StartAt\": \"Only\", \"States\": {\"Only\": {\"Type\": \"Pass\", \"Result\": \"",
          { "Ref": "AWS::AccountId" },
          "\", \"End\": true}}}"
        ]] }
      }
    }
  }
})";

const char *const kServerlessFramework = R"(service: shop
provider:
  name: aws
  stage: test
functions:
  hello:
    handler: handler.hello
stepFunctions:
  stateMachines:
    greeter:
      name: greeter
      definition:
        StartAt: Greet
        States:
          Greet:
            Type: Task
            Resource:
              Fn::GetAtt: [hello, Arn]
            End: true
    other:
      definition:
        StartAt: Done
        States:
          Done:
            Type: Succeed
plugins:
  - serverless-step-functions
)";

const char *const kSamWithComments = R"(# Deployed by the platform team.
Transform: AWS::Serverless-2016-10-31
Parameters:
  CheckArn:
    Type: String
    Default: arn:aws:lambda:us-east-1:123456789012:function:Check   # keep this comment
Resources:
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: Check
        States:
          Check:
            Type: Task
            Resource: ${CheckFn}
            End: true

      DefinitionSubstitutions:
        CheckFn: !Ref CheckArn
      Role: !GetAtt FlowRole.Arn   # the role stays
Outputs:
  FlowArn:
    Value: !Ref Flow
)";

const char *const kSubDefinitionString = R"({
    "Parameters": { "Fn": { "Type": "String", "Default": "worker" } },
    "Resources": {
        "Flow": {
            "Type": "AWS::StepFunctions::StateMachine",
            "Properties": {
                "DefinitionString": { "Fn::Sub": "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Fn}\", \"End\": true}}}" },
        "RoleArn": "arn:aws:iam::123456789012:role/flow"
            }
        }
    }
})";

const char *const kRestoredSubResource = R"(\"Resource\":\"arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Fn}\")";

} // namespace
#endif // Q_MOC_RUN

class TestFormats : public QObject
{
    Q_OBJECT
private slots:
    void everyExampleRoundTripsThroughEveryTemplateFlavour()
    {
        const auto files = exampleDefinitions();
        QVERIFY(files.size() >= 5);
        for (const fs::path &file : files) {
            const asl::StateMachine machine = machineOf(readText(file));
            for (auto kind : {formats::TemplateKind::Sam, formats::TemplateKind::CloudFormation}) {
                for (auto format : {formats::TextFormat::Json, formats::TextFormat::Yaml}) {
                    formats::ExportOptions options;
                    options.kind = kind;
                    options.format = format;
                    const std::string text = formats::exportTemplate(machine, options);
                    const auto imported = importOrFail(text);
                    QCOMPARE(imported.logicalId, std::string("StateMachine"));
                    QVERIFY2(imported.definition == asl::toJson(machine), file.filename().c_str());
                }
            }
        }
    }

    void exportLiftsAccountArnsIntoParameters()
    {
        formats::ExportOptions options;
        options.kind = formats::TemplateKind::CloudFormation;
        options.format = formats::TextFormat::Json;
        options.machineName = "checker";
        const Json document = Json::parse(formats::exportTemplate(machineOf(kSmallMachine), options));
        const Json &resource = document.at("Resources").at("StateMachine");
        QCOMPARE(resource.at("Type").get<std::string>(), std::string("AWS::StepFunctions::StateMachine"));
        const Json &properties = resource.at("Properties");
        QCOMPARE(properties.at("StateMachineName").get<std::string>(), std::string("checker"));
        QCOMPARE(properties.at("RoleArn").at("Ref").get<std::string>(), std::string("StateMachineRoleArn"));
        const Json &states = properties.at("Definition").at("States");
        QCOMPARE(states.at("Check").at("Resource").get<std::string>(), std::string("${CheckFunctionArn}"));
        // Service-integration ARNs name no account and stay as written.
        QCOMPARE(states.at("Tell").at("Resource").get<std::string>(), std::string("arn:aws:states:::sns:publish"));
        QCOMPARE(states.at("Tell").at("Parameters").at("TopicArn").get<std::string>(), std::string("${AlertsTopicArn}"));
        QCOMPARE(properties.at("DefinitionSubstitutions").at("AlertsTopicArn").at("Ref").get<std::string>(),
                 std::string("AlertsTopicArn"));
        QCOMPARE(document.at("Parameters").at("CheckFunctionArn").at("Default").get<std::string>(),
                 std::string("arn:aws:lambda:us-east-1:123456789012:function:Check"));
        QVERIFY(!document.contains("Transform"));
    }

    void samExportIsAServerlessStateMachine()
    {
        formats::ExportOptions options;
        options.format = formats::TextFormat::Yaml;
        const std::string text = formats::exportTemplate(machineOf(kSmallMachine), options);
        QVERIFY(text.find("Transform: AWS::Serverless-2016-10-31") != std::string::npos);
        QVERIFY(text.find("Type: AWS::Serverless::StateMachine") != std::string::npos);
        QVERIFY(text.find("Role:") != std::string::npos);
        QVERIFY(text.find("Resource: ${CheckFunctionArn}") != std::string::npos);
    }

    void createCommandQuotesTheDefinitionForTheShell()
    {
        const asl::StateMachine machine = machineOf(kMachineWithApostrophe);
        formats::CreateCommandOptions options;
        options.machineName = "demo";
        const std::string command = formats::createStateMachineCommand(machine, options);
        QVERIFY(command.rfind("aws stepfunctions create-state-machine", 0) == 0);
        QVERIFY(command.find("--name 'demo'") != std::string::npos);
        QVERIFY(command.find("--type STANDARD") != std::string::npos);
        QVERIFY(command.find("--role-arn 'arn:aws:iam::<ACCOUNT_ID>:role/<STATE_MACHINE_ROLE>'") != std::string::npos);
        QVERIFY(command.find(kQuotedDefinition) != std::string::npos);
    }

    void yamlShortTagsAndSubstitutionsResolve()
    {
        const std::string text = kYamlWithShortTags;
        const auto imported = importOrFail(text);
        QCOMPARE(imported.source, std::string("CloudFormation"));
        const Json &definition = imported.definition;
        QCOMPARE(definition.at("Comment").get<std::string>(), std::string("Runs in us-east-1 for prod"));
        QCOMPARE(definition.at("States").at("Work").at("Resource").get<std::string>(),
                 std::string("arn:aws:lambda:us-east-1:123456789012:function:worker-prod"));
        const Json &parameters = definition.at("States").at("Tell").at("Parameters");
        QCOMPARE(parameters.at("TopicArn").get<std::string>(), std::string("arn:aws:sns:us-east-1:123456789012:Alerts"));
        QCOMPARE(parameters.at("Message").get<std::string>(), std::string("${NotASubstitution}"));
    }

    void definitionStringFromFnJoinResolves()
    {
        const std::string text = kJoinedDefinitionString;
        const auto imported = importOrFail(text);
        QCOMPARE(imported.definition.at("States").at("Only").at("Result").get<std::string>(), std::string("123456789012"));
    }

    void definitionFilesAreReadRelativeToTheTemplate()
    {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        fs::create_directories(root / "statemachine");
        writeText(root / "statemachine" / "flow.asl.json", kSmallMachine);
        formats::ImportOptions options;
        options.baseDirectory = root.string();
        const auto sam = importOrFail("Transform: AWS::Serverless-2016-10-31\nResources:\n  Flow:\n"
                                      "    Type: AWS::Serverless::StateMachine\n"
                                      "    Properties:\n      DefinitionUri: statemachine/flow.asl.json\n",
                                      options);
        QCOMPARE(sam.source, std::string("SAM"));
        QCOMPARE(sam.definition, asl::toJson(machineOf(kSmallMachine)));
        const auto cfn = importOrFail("Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n"
                                      "    Properties:\n      DefinitionS3Location:\n        Bucket: my-bucket\n"
                                      "        Key: statemachine/flow.asl.json\n",
                                      options);
        QCOMPARE(cfn.definition, asl::toJson(machineOf(kSmallMachine)));
        formats::ImportOptions elsewhere;
        elsewhere.baseDirectory = (root / "missing").string();
        auto missing = formats::importTemplate("Resources:\n  Flow:\n    Type: AWS::Serverless::StateMachine\n"
                                               "    Properties:\n      DefinitionUri: flow.asl.json\n",
                                               elsewhere);
        QVERIFY(!missing);
        QCOMPARE(missing.error().pointer, std::string("/Resources/Flow/Properties/DefinitionUri"));
        QVERIFY(missing.error().message.find("flow.asl.json") != std::string::npos);
    }

    void serverlessFrameworkMachinesResolveFunctionArns()
    {
        const std::string text = kServerlessFramework;
        QVERIFY(importError(text).find("2 state machines (greeter, other)") != std::string::npos);
        formats::ImportOptions options;
        options.logicalId = "greeter";
        const auto imported = importOrFail(text, options);
        QCOMPARE(imported.source, std::string("Serverless Framework"));
        QCOMPARE(imported.definition.at("States").at("Greet").at("Resource").get<std::string>(),
                 std::string("arn:aws:lambda:us-east-1:123456789012:function:shop-test-hello"));
    }

    void templatesWithoutAUsableMachineGiveClearErrors()
    {
        QVERIFY(importError("Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n").find("has no state machine") !=
                std::string::npos);
        const std::string two = "Resources:\n  A:\n    Type: AWS::StepFunctions::StateMachine\n"
                                "  B:\n    Type: AWS::Serverless::StateMachine\n";
        QVERIFY(importError(two).find("2 state machines (A, B); choose one with --state-machine") != std::string::npos);
        QVERIFY(importError(two, "C").find("no state machine 'C' (it has A, B)") != std::string::npos);
        QVERIFY(importError(two, "A").find("has no Definition") != std::string::npos);
        const std::string noDefault = "Parameters:\n  Fn:\n    Type: String\nResources:\n  A:\n"
                                      "    Type: AWS::StepFunctions::StateMachine\n    Properties:\n"
                                      "      Definition:\n        StartAt: X\n        States:\n          X:\n"
                                      "            Type: Task\n            Resource: !Ref Fn\n            End: true\n";
        const std::string error = importError(noDefault);
        QVERIFY2(error.find("parameter 'Fn' has no Default") != std::string::npos, error.c_str());
        QVERIFY2(error.find("@/Resources/A/Properties/Definition/States/X/Resource/Ref") != std::string::npos, error.c_str());
        const std::string broken = importError("Resources:\n  A: 'unterminated\n");
        QVERIFY2(broken.find("(imported)") == std::string::npos, broken.c_str());
    }

    void replaceDefinitionRewritesOnlyTheDefinitionInYaml()
    {
        const std::string text = kSamWithComments;
        const auto imported = importOrFail(text);
        auto machine = machineOf(imported.definition.dump());
        machine.comment = "Checked twice";
        auto rewritten = formats::replaceDefinition(text, "Flow", machine);
        QVERIFY2(rewritten, rewritten ? "" : rewritten.error().message.c_str());
        const std::string &out = rewritten.value();
        const std::string before = text.substr(0, text.find("      Definition:"));
        QCOMPARE(out.substr(0, before.size()), before);
        const std::string after = text.substr(text.find("\n\n      DefinitionSubstitutions:"));
        QCOMPARE(out.substr(out.size() - after.size()), after);
        QVERIFY2(out.find("Resource: ${CheckFn}") != std::string::npos, out.c_str());
        QVERIFY(out.find("Comment: Checked twice") != std::string::npos);
        const auto again = importOrFail(out);
        QCOMPARE(again.definition, asl::toJson(machine));
    }

    void replaceDefinitionRewritesASubStringInJson()
    {
        const std::string text = kSubDefinitionString;
        auto machine = machineOf(importOrFail(text).definition.dump());
        machine.comment = "edited";
        auto rewritten = formats::replaceDefinition(text, "", machine);
        QVERIFY2(rewritten, rewritten ? "" : rewritten.error().message.c_str());
        const std::string &out = rewritten.value();
        QVERIFY2(out.find(kRestoredSubResource) !=
                     std::string::npos,
                 out.c_str());
        QVERIFY(out.find("        \"RoleArn\": \"arn:aws:iam::123456789012:role/flow\"") != std::string::npos);
        QCOMPARE(importOrFail(out).definition, asl::toJson(machine));
    }

    void replaceDefinitionKeepsJsonIndentation()
    {
        formats::ExportOptions options;
        options.format = formats::TextFormat::Json;
        const std::string text = formats::exportTemplate(machineOf(kSmallMachine), options);
        auto machine = machineOf(kSmallMachine);
        machine.comment = "two steps";
        auto rewritten = formats::replaceDefinition(text, "StateMachine", machine);
        QVERIFY(rewritten);
        QCOMPARE(importOrFail(rewritten.value()).definition, asl::toJson(machine));
        // The lifted ARN goes back in as its placeholder, not as the resolved text.
        QVERIFY(rewritten.value().find("\"Resource\": \"${CheckFunctionArn}\"") != std::string::npos);
        // New members are indented like their siblings in the file.
        QVERIFY(rewritten.value().find("\n          \"Comment\": \"two steps\"\n") != std::string::npos);
        auto unknown = formats::replaceDefinition(text, "Nope", machine);
        QVERIFY(!unknown);
    }
};

QTEST_APPLESS_MAIN(TestFormats)
#include "tst_formats.moc"
