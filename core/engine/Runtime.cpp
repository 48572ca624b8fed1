// The execution runtime: events (ASL spec §9), threads of control, state entry and exit,
// failure propagation and the compiled-expression caches.
#include "core/engine/DataFlow.h"

#include "core/common/JsonMembers.h"

#include <algorithm>
#include <cstdio>
#include <functional>

namespace stepwise::engine {

Json StateError::toJson() const
{
    Json out = Json(Json::value_t::object);
    out["Error"] = error ? Json(*error) : Json(nullptr);
    out["Cause"] = cause ? Json(*cause) : Json(nullptr);
    return out;
}

const Json *Scope::find(const std::string &name) const
{
    for (const Scope *scope = this; scope; scope = scope->parent.get()) {
        auto it = scope->vars.find(name);
        if (it != scope->vars.end())
            return &*it;
    }
    return nullptr;
}

bool Scope::empty() const
{
    for (const Scope *scope = this; scope; scope = scope->parent.get())
        if (!scope->vars.empty())
            return false;
    return true;
}

Json Scope::visible() const
{
    Json out = parent ? parent->visible() : Json(Json::value_t::object);
    for (auto it = vars.begin(); it != vars.end(); ++it)
        out[it.key()] = it.value();
    return out;
}

const jsonata::Expression *ExecutionImpl::jsonata(const std::string &text,
                                                 jsonata::Error *syntaxError)
{
    auto it = m_jsonata.find(text);
    if (it == m_jsonata.end())
        it = m_jsonata.emplace(text, jsonata::Expression::compile(text)).first;
    if (it->second.hasValue())
        return &it->second.value();
    if (syntaxError)
        *syntaxError = it->second.error();
    return nullptr;
}

jsonata::Bindings &ExecutionImpl::jsonataBindings()
{
    if (!m_jsonataBindings) {
        m_jsonataBindings = std::make_unique<jsonata::Bindings>();
        auto unit = [this] { return static_cast<double>(random() >> 11) * 0x1.0p-53; };
        m_jsonataBindings->random = unit;
        jsonata::addAwsFunctions(*m_jsonataBindings, unit);
        m_jsonataBindings->timeLimitMs = 1000;  // spec §3.4: about one second per evaluation
        m_jsonataBindings->rejectFunctionResult = true;
    }
    return *m_jsonataBindings;
}

const jsonpath::Path *ExecutionImpl::path(const asl::PathField &field, std::string *syntaxError)
{
    if (const jsonpath::Path *planned = plan->path(field))
        return planned;
    return path(field.text, syntaxError);
}

const jsonpath::Path *ExecutionImpl::path(const std::string &text, std::string *syntaxError)
{
    if (const jsonpath::Path *planned = plan->path(text))
        return planned;
    if (auto it = m_paths.find(text); it != m_paths.end())
        return it->second.get();
    if (auto it = m_pathErrors.find(text); it != m_pathErrors.end()) {
        if (syntaxError)
            *syntaxError = it->second;
        return nullptr;
    }
    auto parsed = jsonpath::Path::parse(text);
    if (!parsed.hasValue()) {
        m_pathErrors[text] = parsed.error().message;
        if (syntaxError)
            *syntaxError = parsed.error().message;
        return nullptr;
    }
    auto stored = std::make_unique<jsonpath::Path>(std::move(parsed).value());
    const jsonpath::Path *result = stored.get();
    m_paths.emplace(text, std::move(stored));
    return result;
}

const std::vector<std::string> *ExecutionImpl::escapedMembers(const jsonpath::Path &path)
{
    if (const std::vector<std::string> *planned = plan->escapedMembers(path))
        return planned;
    auto [it, inserted] = m_escapedMembers.try_emplace(&path);
    if (inserted)
        it->second = escapedMemberNames(path);
    return it->second ? &*it->second : nullptr;
}

const asl::State *ExecutionImpl::findState(const asl::StateMachine &owner,
                                           const std::string &name, const asl::State *previous)
{
    const asl::State *first = owner.states.data();
    const asl::State *last = first + owner.states.size();
    if (previous && std::less_equal<>()(first, previous) && std::less<>()(previous + 1, last)
        && asl::common(previous[1]).name == name)
        return previous + 1;
    if (owner.states.size() <= MachinePlan::kScanLimit)
        return owner.find(name);
    bool indexed = false;
    if (const asl::State *planned = plan->findState(owner, name, indexed); indexed)
        return planned;
    auto &index = m_stateIndex[&owner];
    if (index.empty())
        for (const asl::State &state : owner.states)
            index.emplace(asl::common(state).name, &state);
    const auto it = index.find(name);
    return it == index.end() ? nullptr : it->second;
}

const intrinsics::Expression *ExecutionImpl::intrinsic(const std::string &text,
                                                       std::string *syntaxError)
{
    if (const intrinsics::Expression *planned = plan->intrinsic(text))
        return planned;
    if (auto it = m_intrinsics.find(text); it != m_intrinsics.end())
        return it->second.get();
    auto parsed = intrinsics::Expression::parse(text);
    if (!parsed.hasValue()) {
        if (syntaxError)
            *syntaxError = parsed.error();
        return nullptr;
    }
    auto stored = std::make_unique<intrinsics::Expression>(std::move(parsed).value());
    const intrinsics::Expression *result = stored.get();
    m_intrinsics.emplace(text, std::move(stored));
    return result;
}

// Spec §2.6: the cause prefix names the state and the id of its Entered event.
StateError ExecutionImpl::runtimeError(const Thread &thread, const std::string &text) const
{
    std::string name = thread.state ? asl::common(*thread.state).name : std::string();
    return StateError{"States.Runtime",
                      "An error occurred while executing the state '" + name
                          + "' (entered at the event id #"
                          + std::to_string(thread.enteredEventId) + "). " + text,
                      true};
}

std::string ExecutionImpl::uuid()
{
    const std::uint64_t high = random();
    const std::uint64_t low = random();
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%08x-%04x-4%03x-%04x-%012llx",
                  static_cast<unsigned>(high >> 32), static_cast<unsigned>((high >> 16) & 0xFFFF),
                  static_cast<unsigned>(high & 0x0FFF),
                  static_cast<unsigned>(0x8000 | ((low >> 48) & 0x3FFF)),
                  static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFull));
    return buffer;
}

std::int64_t ExecutionImpl::emit(Thread *thread, EventName type, EventName detailsKey,
                                 Json &&details, std::optional<std::int64_t> previous)
{
    if (finished())
        return 0;
    const auto id = static_cast<std::int64_t>(history.size()) + 1;
    const std::int64_t prev = previous.value_or(thread ? thread->lastEventId : 0);
    if (options.maxHistoryEvents > 0 && static_cast<std::size_t>(id) >= options.maxHistoryEvents) {
        // Spec §8.4: the last allowed event is the failure itself.
        error = "States.Runtime";
        cause = "The execution reached the maximum number of history events ("
                + std::to_string(options.maxHistoryEvents) + ").";
        emitExecution("ExecutionFailed", "executionFailedEventDetails",
                      Json{{"error", *error}, {"cause", *cause}}, prev);
        status = ExecutionStatus::Failed;
        return 0;
    }
    const std::int64_t timestampMs = clock->nowMs();
    if (thread)
        thread->lastEventId = id;
    history.appendInPlace([&](HistoryEvent &event) {
        event.id = id;
        event.previousEventId = prev;
        event.timestampMs = timestampMs;
        event.type = type;
        event.detailsKey = detailsKey;
        event.details = std::move(details);
        if (thread) {
            if (!thread->scope.empty()) // the top level's is empty, as the event's starts
                event.scope = thread->scope;
            if (thread->state)
                event.stateName = asl::common(*thread->state).name;
        }
    });
    return id;
}

std::int64_t ExecutionImpl::emitExecution(EventName type, EventName detailsKey, Json details,
                                          std::int64_t previous)
{
    HistoryEvent event;
    event.id = static_cast<std::int64_t>(history.size()) + 1;
    event.previousEventId = previous;
    event.timestampMs = clock->nowMs();
    event.type = type;
    event.detailsKey = detailsKey;
    event.details = std::move(details);
    history.append(std::move(event));
    return history.back().id;
}

Thread &ExecutionImpl::spawn(const asl::StateMachine &nested, std::string scopeName,
                             Json threadInput, std::shared_ptr<Scope> parentScope,
                             std::size_t parentIndex, std::size_t slot)
{
    auto thread = std::make_unique<Thread>();
    thread->index = threads.size();
    thread->runtime = this;
    thread->machine = &nested;
    thread->scope = std::move(scopeName);
    thread->vars = std::make_shared<Scope>();
    thread->vars->parent = std::move(parentScope);
    thread->parent = parentIndex;
    thread->slot = slot;
    thread->pendingState = nested.startAt.value_or(std::string());
    thread->pendingInput = std::move(threadInput);
    live.push_back(thread->index);
    threads.push_back(std::move(thread));
    return *threads.back();
}

// Spec §4.4: 256 KiB per variable and per Assign, 10 MiB per execution.
Eval<Json> ExecutionImpl::assignVariables(Thread &thread, Json assigned)
{
    constexpr std::size_t kPerAssign = 256 * 1024;
    constexpr std::size_t kPerExecution = 10 * 1024 * 1024;
    Json texts = Json(Json::value_t::object);
    std::vector<std::size_t> sizes;
    std::size_t assignBytes = 0;
    std::size_t total = variableBytes;
    Scope &scope = *thread.vars;
    for (auto it = assigned.begin(); it != assigned.end(); ++it) {
        std::string text = compact(it.value());
        sizes.push_back(text.size());
        assignBytes += text.size();
        const auto old = scope.sizes.find(it.key());
        total = total + text.size() - (old == scope.sizes.end() ? 0 : old->second);
        setMember(texts, it.key(), std::move(text));
    }
    const std::string name = asl::common(*thread.state).name;
    if (assignBytes > kPerAssign || total > kPerExecution)
        return unexpected(StateError{
            "States.DataLimitExceeded",
            "The state '" + name + "' assigned variables whose size exceeds the maximum of "
                + (assignBytes > kPerAssign ? "256 KiB per Assign." : "10 MiB per execution."),
            true});
    std::size_t index = 0;
    for (auto it = assigned.begin(); it != assigned.end(); ++it, ++index) {
        std::size_t &stored = scope.sizes[it.key()];
        scope.bytes = scope.bytes + sizes[index] - stored;
        stored = sizes[index];
        setMember(scope.vars, it.key(), std::move(it.value()));
    }
    variableBytes = total;
    return texts;
}

void ExecutionImpl::releaseScope(Thread &thread)
{
    if (!thread.parent || !thread.vars)
        return;
    variableBytes -= std::min(variableBytes, thread.vars->bytes);
    thread.vars->bytes = 0;
    thread.vars->sizes.clear();
}

} // namespace stepwise::engine
