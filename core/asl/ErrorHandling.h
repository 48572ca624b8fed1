#pragma once
// Retry and Catch (ASL spec §7.2, §7.3).
#include "core/asl/ObjectMeta.h"
#include "core/asl/PathField.h"

#include <optional>
#include <string>
#include <vector>

namespace stepwise::asl {

struct Retrier
{
    std::vector<std::string> errorEquals;
    std::optional<Json> intervalSeconds; // numbers kept as written (1 vs 1.0 survives a round trip)
    std::optional<Json> maxAttempts;
    std::optional<Json> backoffRate;
    std::optional<Json> maxDelaySeconds;
    std::optional<std::string> jitterStrategy; // "FULL" | "NONE"
    std::optional<std::string> comment;
    ObjectMeta meta;
};

struct Catcher
{
    std::vector<std::string> errorEquals;
    std::string next;
    PathField resultPath;        // JSONPath
    std::optional<Json> output;  // JSONata
    std::optional<Json> assign;
    std::optional<std::string> comment;
    ObjectMeta meta;
};

} // namespace stepwise::asl
