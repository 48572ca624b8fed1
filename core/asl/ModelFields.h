#pragma once
// One list of the fields of every model object, in canonical ASL order (ASL spec §1.5, §6, §7),
// shared by the reader (JSON → model) and the writer (model → JSON). A visitor is called as
// `v(key, member)` (plus a JsonKind for members stored as Json), and through named hooks for
// the few fields whose key is not fixed: the comparison operator of a choice rule, `Not`, the
// Map processor (`ItemProcessor` or legacy `Iterator`) and `States`.
#include "core/asl/Keys.h"
#include "core/asl/StateMachine.h"

#include <type_traits>

namespace stepwise::asl::fields {

// Which JSON types a Json-valued member accepts; anything else is kept in `meta.extras`.
enum class JsonKind { Any, String, Number, NumberOrString };

template <typename S, typename T>
concept Is = std::is_same_v<std::remove_const_t<S>, T>;

template <Is<Retrier> S, typename V> void visit(S &r, V &v)
{
    v(keys::ErrorEquals, r.errorEquals);
    v(keys::IntervalSeconds, r.intervalSeconds, JsonKind::Number);
    v(keys::MaxAttempts, r.maxAttempts, JsonKind::Number);
    v(keys::BackoffRate, r.backoffRate, JsonKind::Number);
    v(keys::MaxDelaySeconds, r.maxDelaySeconds, JsonKind::Number);
    v(keys::JitterStrategy, r.jitterStrategy);
    v(keys::Comment, r.comment);
}

template <Is<Catcher> S, typename V> void visit(S &c, V &v)
{
    v(keys::ErrorEquals, c.errorEquals);
    v(keys::ResultPath, c.resultPath);
    v(keys::Output, c.output, JsonKind::Any);
    v(keys::Assign, c.assign, JsonKind::Any);
    v(keys::Comment, c.comment);
    v(keys::Next, c.next);
}

template <Is<ChoiceRule> S, typename V> void visit(S &r, V &v)
{
    v(keys::Variable, r.variable);
    v.comparison(r);
    v(keys::And, r.andRules);
    v(keys::Or, r.orRules);
    v.notRule(r);
    v(keys::Condition, r.condition, JsonKind::Any);
    v(keys::Comment, r.comment);
    v(keys::Assign, r.assign, JsonKind::Any);
    v(keys::Output, r.output, JsonKind::Any);
    v(keys::Next, r.next);
}

template <Is<StateMachine> S, typename V> void visit(S &m, V &v)
{
    v(keys::Comment, m.comment);
    v(keys::QueryLanguage, m.queryLanguage);
    v(keys::Version, m.version);
    v(keys::TimeoutSeconds, m.timeoutSeconds, JsonKind::Number);
    v(keys::ProcessorConfig, m.processorConfig, JsonKind::Any);
    v(keys::StartAt, m.startAt);
    v.states(m);
}

template <typename S, typename V> void visitBody(S &s, V &v) requires(Is<S, PassState>)
{
    v(keys::Parameters, s.parameters, JsonKind::Any);
    v(keys::Result, s.result, JsonKind::Any);
    v(keys::ResultPath, s.resultPath);
}

template <typename S, typename V> void visitBody(S &s, V &v) requires(Is<S, TaskState>)
{
    v(keys::Resource, s.resource);
    v(keys::Parameters, s.parameters, JsonKind::Any);
    v(keys::Arguments, s.arguments, JsonKind::Any);
    v(keys::Credentials, s.credentials, JsonKind::Any);
    v(keys::TimeoutSeconds, s.timeoutSeconds, JsonKind::NumberOrString);
    v(keys::TimeoutSecondsPath, s.timeoutSecondsPath);
    v(keys::HeartbeatSeconds, s.heartbeatSeconds, JsonKind::NumberOrString);
    v(keys::HeartbeatSecondsPath, s.heartbeatSecondsPath);
    v(keys::ResultSelector, s.resultSelector, JsonKind::Any);
    v(keys::ResultPath, s.resultPath);
    v(keys::Retry, s.retry);
    v(keys::Catch, s.catchers);
}

template <typename S, typename V> void visitBody(S &s, V &v) requires(Is<S, ChoiceState>)
{
    v(keys::Choices, s.choices);
    v(keys::Default, s.defaultNext);
}

template <typename S, typename V> void visitBody(S &s, V &v) requires(Is<S, WaitState>)
{
    v(keys::Seconds, s.seconds, JsonKind::NumberOrString);
    v(keys::Timestamp, s.timestamp, JsonKind::String);
    v(keys::SecondsPath, s.secondsPath);
    v(keys::TimestampPath, s.timestampPath);
}

template <typename S, typename V> void visitBody(S &, V &) requires(Is<S, SucceedState>) {}

template <typename S, typename V> void visitBody(S &s, V &v) requires(Is<S, FailState>)
{
    v(keys::Error, s.error, JsonKind::String);
    v(keys::ErrorPath, s.errorPath);
    v(keys::Cause, s.cause, JsonKind::String);
    v(keys::CausePath, s.causePath);
}

template <typename S, typename V> void visitBody(S &s, V &v) requires(Is<S, ParallelState>)
{
    v(keys::Branches, s.branches);
    v(keys::Parameters, s.parameters, JsonKind::Any);
    v(keys::Arguments, s.arguments, JsonKind::Any);
    v(keys::ResultSelector, s.resultSelector, JsonKind::Any);
    v(keys::ResultPath, s.resultPath);
    v(keys::Retry, s.retry);
    v(keys::Catch, s.catchers);
}

template <typename S, typename V> void visitBody(S &s, V &v) requires(Is<S, MapState>)
{
    v.processor(s);
    v(keys::ItemReader, s.itemReader, JsonKind::Any);
    v(keys::ItemsPath, s.itemsPath);
    v(keys::Items, s.items, JsonKind::Any);
    v(keys::ItemSelector, s.itemSelector, JsonKind::Any);
    v(keys::Parameters, s.parameters, JsonKind::Any);
    v(keys::ItemBatcher, s.itemBatcher, JsonKind::Any);
    v(keys::MaxConcurrency, s.maxConcurrency, JsonKind::NumberOrString);
    v(keys::MaxConcurrencyPath, s.maxConcurrencyPath);
    v(keys::Label, s.label);
    v(keys::ToleratedFailureCount, s.toleratedFailureCount, JsonKind::NumberOrString);
    v(keys::ToleratedFailureCountPath, s.toleratedFailureCountPath);
    v(keys::ToleratedFailurePercentage, s.toleratedFailurePercentage, JsonKind::NumberOrString);
    v(keys::ToleratedFailurePercentagePath, s.toleratedFailurePercentagePath);
    v(keys::ResultWriter, s.resultWriter, JsonKind::Any);
    v(keys::ResultSelector, s.resultSelector, JsonKind::Any);
    v(keys::ResultPath, s.resultPath);
    v(keys::Retry, s.retry);
    v(keys::Catch, s.catchers);
}

// A whole state: the fields every state shares around its type-specific body.
template <typename S, typename V> void visitState(S &s, V &v)
{
    v(keys::Type, s.type);
    v(keys::Comment, s.comment);
    v(keys::QueryLanguage, s.queryLanguage);
    v(keys::InputPath, s.inputPath);
    visitBody(s, v);
    v(keys::OutputPath, s.outputPath);
    v(keys::Output, s.output, JsonKind::Any);
    v(keys::Assign, s.assign, JsonKind::Any);
    v(keys::Next, s.next);
    v(keys::End, s.end);
}

} // namespace stepwise::asl::fields
