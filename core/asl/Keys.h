#pragma once
// ASL field names in one place (ASL spec §1.1, §1.2, §1.5, §6.2, §7.2, §7.3), so the parser,
// the serializer and the validator spell every key the same way.
#include <array>
#include <string_view>

namespace stepwise::asl::keys {

// Machine (top-level and nested).
inline constexpr std::string_view StartAt = "StartAt";
inline constexpr std::string_view States = "States";
inline constexpr std::string_view Version = "Version";
inline constexpr std::string_view ProcessorConfig = "ProcessorConfig";

// Every state.
inline constexpr std::string_view Type = "Type";
inline constexpr std::string_view Comment = "Comment";
inline constexpr std::string_view QueryLanguage = "QueryLanguage";
inline constexpr std::string_view Next = "Next";
inline constexpr std::string_view End = "End";
inline constexpr std::string_view InputPath = "InputPath";
inline constexpr std::string_view OutputPath = "OutputPath";
inline constexpr std::string_view Output = "Output";
inline constexpr std::string_view Assign = "Assign";

// Data flow.
inline constexpr std::string_view Parameters = "Parameters";
inline constexpr std::string_view Arguments = "Arguments";
inline constexpr std::string_view Result = "Result";
inline constexpr std::string_view ResultSelector = "ResultSelector";
inline constexpr std::string_view ResultPath = "ResultPath";

// Task.
inline constexpr std::string_view Resource = "Resource";
inline constexpr std::string_view Credentials = "Credentials";
inline constexpr std::string_view TimeoutSeconds = "TimeoutSeconds";
inline constexpr std::string_view TimeoutSecondsPath = "TimeoutSecondsPath";
inline constexpr std::string_view HeartbeatSeconds = "HeartbeatSeconds";
inline constexpr std::string_view HeartbeatSecondsPath = "HeartbeatSecondsPath";
inline constexpr std::string_view Retry = "Retry";
inline constexpr std::string_view Catch = "Catch";

// Choice.
inline constexpr std::string_view Choices = "Choices";
inline constexpr std::string_view Default = "Default";
inline constexpr std::string_view Variable = "Variable";
inline constexpr std::string_view And = "And";
inline constexpr std::string_view Or = "Or";
inline constexpr std::string_view Not = "Not";
inline constexpr std::string_view Condition = "Condition";

// Wait.
inline constexpr std::string_view Seconds = "Seconds";
inline constexpr std::string_view Timestamp = "Timestamp";
inline constexpr std::string_view SecondsPath = "SecondsPath";
inline constexpr std::string_view TimestampPath = "TimestampPath";

// Fail.
inline constexpr std::string_view Error = "Error";
inline constexpr std::string_view Cause = "Cause";
inline constexpr std::string_view ErrorPath = "ErrorPath";
inline constexpr std::string_view CausePath = "CausePath";

// Parallel and Map.
inline constexpr std::string_view Branches = "Branches";
inline constexpr std::string_view ItemProcessor = "ItemProcessor";
inline constexpr std::string_view Iterator = "Iterator";
inline constexpr std::string_view ItemsPath = "ItemsPath";
inline constexpr std::string_view Items = "Items";
inline constexpr std::string_view ItemSelector = "ItemSelector";
inline constexpr std::string_view MaxConcurrency = "MaxConcurrency";
inline constexpr std::string_view MaxConcurrencyPath = "MaxConcurrencyPath";
inline constexpr std::string_view ItemReader = "ItemReader";
inline constexpr std::string_view ItemBatcher = "ItemBatcher";
inline constexpr std::string_view ResultWriter = "ResultWriter";
inline constexpr std::string_view Label = "Label";
inline constexpr std::string_view ToleratedFailureCount = "ToleratedFailureCount";
inline constexpr std::string_view ToleratedFailureCountPath = "ToleratedFailureCountPath";
inline constexpr std::string_view ToleratedFailurePercentage = "ToleratedFailurePercentage";
inline constexpr std::string_view ToleratedFailurePercentagePath = "ToleratedFailurePercentagePath";

// Retry and Catch.
inline constexpr std::string_view ErrorEquals = "ErrorEquals";
inline constexpr std::string_view IntervalSeconds = "IntervalSeconds";
inline constexpr std::string_view MaxAttempts = "MaxAttempts";
inline constexpr std::string_view BackoffRate = "BackoffRate";
inline constexpr std::string_view MaxDelaySeconds = "MaxDelaySeconds";
inline constexpr std::string_view JitterStrategy = "JitterStrategy";

// The eight values of "Type" (ASL spec §1.5), in the order of asl::StateType.
inline constexpr std::array<std::string_view, 8> StateTypes = {
    "Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"};

// Choice-rule comparison operators (ASL spec §6.2).
inline constexpr std::array<std::string_view, 39> ComparisonOperators = {
    "StringEquals",
    "StringEqualsPath",
    "StringLessThan",
    "StringLessThanPath",
    "StringGreaterThan",
    "StringGreaterThanPath",
    "StringLessThanEquals",
    "StringLessThanEqualsPath",
    "StringGreaterThanEquals",
    "StringGreaterThanEqualsPath",
    "StringMatches",
    "NumericEquals",
    "NumericEqualsPath",
    "NumericLessThan",
    "NumericLessThanPath",
    "NumericGreaterThan",
    "NumericGreaterThanPath",
    "NumericLessThanEquals",
    "NumericLessThanEqualsPath",
    "NumericGreaterThanEquals",
    "NumericGreaterThanEqualsPath",
    "BooleanEquals",
    "BooleanEqualsPath",
    "TimestampEquals",
    "TimestampEqualsPath",
    "TimestampLessThan",
    "TimestampLessThanPath",
    "TimestampGreaterThan",
    "TimestampGreaterThanPath",
    "TimestampLessThanEquals",
    "TimestampLessThanEqualsPath",
    "TimestampGreaterThanEquals",
    "TimestampGreaterThanEqualsPath",
    "IsNull",
    "IsPresent",
    "IsNumeric",
    "IsString",
    "IsBoolean",
    "IsTimestamp"};

inline constexpr bool isComparisonOperator(std::string_view key)
{
    for (std::string_view op : ComparisonOperators)
        if (op == key)
            return true;
    return false;
}

} // namespace stepwise::asl::keys
