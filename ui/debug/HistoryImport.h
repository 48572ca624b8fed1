#pragma once
// Reads a GetExecutionHistory document ({"events": [...]}, as `aws stepfunctions
// get-execution-history` prints it or Stepwise exports it) back into engine events, recovering
// what AWS does not record per event: the state each event belongs to and its scope (the
// Parallel branch or Map iteration), by following previousEventId.
#include "core/common/Json.h"
#include "core/common/Result.h"
#include "core/engine/ExecutionHistory.h"

#include <QString>

namespace stepwise::ui {

// Errors name the offending event, e.g. "events[3]: 'type' must be a string".
Result<engine::ExecutionHistory, QString> historyFromJson(const Json &document);

// "2024-01-01T00:00:00.123Z", "2024-01-01T00:00:00.123000+00:00" or epoch seconds → ms.
std::optional<qint64> parseTimestamp(const Json &value);

} // namespace stepwise::ui
