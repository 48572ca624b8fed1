#pragma once
// The history events of one Task attempt (ASL spec §9.2, §9.3): plain Lambda ARNs record
// LambdaFunction* events, activities Activity* events, service integrations Task* events.
#include "core/engine/ResourceInfo.h"
#include "core/engine/Runtime.h"

#include <string>

namespace stepwise::engine {

// <Prefix>Scheduled then <Prefix>Started. `payloadText` is the request payload's compact text.
void emitTaskScheduled(ExecutionImpl &rt, Thread &thread, const std::string &resourceArn,
                       const ResourceInfo &info, const TaskRequest &request,
                       std::string payloadText);

// <Prefix>Succeeded, or <Prefix>TimedOut for States.Timeout, else <Prefix>Failed.
// `resultText` is a success's compact result text.
void emitTaskOutcome(ExecutionImpl &rt, Thread &thread, const ResourceInfo &info,
                     const TaskOutcome &outcome, const std::string &resultText);

} // namespace stepwise::engine
