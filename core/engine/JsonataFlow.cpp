// JSONata-mode data flow (ASL spec §3, §4.2, §3.6).
#include "core/engine/JsonataFlow.h"

#include "core/common/JsonMembers.h"
#include "core/engine/DataFlow.h"

#include <cmath>

namespace stepwise::engine {
namespace {

std::string typeName(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::boolean:
        return "boolean";
    case Json::value_t::object:
        return "object";
    case Json::value_t::array:
        return "array";
    case Json::value_t::string:
        return "string";
    default:
        return "number";
    }
}

std::string prefixOf(const std::string &expression, const std::string &location)
{
    return "The JSONata expression '" + expression + "' specified for the field '" + location
           + "' ";
}

// `$states` with only the members the expression can read: copying the input and the context
// for every evaluation would dominate the cost of small expressions.
Json statesVariable(const std::string &text, const JsonataRoots &roots)
{
    Json states = Json(Json::value_t::object);
    if (text.find("states") == std::string::npos)
        return states;
    reserveMembers(states, 4); // growing would copy the members added before (JsonMembers.h)
    if (roots.input)
        states["input"] = *roots.input;
    if (roots.result)
        states["result"] = *roots.result;
    if (roots.errorOutput)
        states["errorOutput"] = *roots.errorOutput;
    if (roots.thread && text.find("context") != std::string::npos) {
        states["context"] = roots.thread->context();
        if (roots.mapItem)
            states["context"]["Map"] = roots.mapItem->at("Map");
    }
    return states;
}

Eval<Json> evalExpression(ExecutionImpl &rt, const Thread &thread, const std::string &text,
                          const std::string &location, const JsonataRoots &roots)
{
    jsonata::Error syntax;
    const jsonata::Expression *expression = rt.jsonata(text, &syntax);
    auto threw = [&](const jsonata::Error &error) {
        return queryError(rt, thread,
                          prefixOf(text, location) + "threw an error during evaluation. "
                              + error.code + ": " + error.message,
                          location);
    };
    if (!expression)
        return unexpected(threw(syntax));
    jsonata::Bindings &bindings = rt.jsonataBindings();
    bindings.variables.clear();
    if (thread.vars) {
        for (const Scope *scope = thread.vars.get(); scope; scope = scope->parent.get())
            for (auto it = scope->vars.begin(); it != scope->vars.end(); ++it)
                bindings.variables.emplace(it.key(), it.value()); // inner names win
    }
    // Spec §3.4: $eval is not available; invoking it fails with T1006.
    bindings.variables.emplace("eval", Json(nullptr));
    bindings.variables["states"] = statesVariable(text, roots);
    auto value = jsonata::evaluate(*expression, std::nullopt, bindings);
    bindings.variables.clear();
    if (!value.hasValue()) {
        if (value.error().code == jsonata::kFunctionResultCode)
            return unexpected(queryError(
                rt, thread, prefixOf(text, location) + "returned an unsupported result type.",
                location));
        return unexpected(threw(value.error()));
    }
    if (!value.value())
        return unexpected(queryError(
            rt, thread, prefixOf(text, location) + "returned nothing (undefined).", location));
    return std::move(*value.value());
}

} // namespace

JsonataRoots jsonataRootsOf(const Thread &thread)
{
    JsonataRoots roots;
    roots.thread = &thread;
    roots.input = &thread.rawInput;
    return roots;
}

bool isJsonata(const ExecutionImpl &rt, const Thread &thread)
{
    if (!thread.state)
        return false;
    const auto &language = asl::common(*thread.state).queryLanguage;
    if (language)
        return *language == "JSONata";
    if (thread.machine && thread.machine->queryLanguage)
        return *thread.machine->queryLanguage == "JSONata";
    return rt.machine.queryLanguage.value_or("JSONPath") == "JSONata";
}

bool isJsonataExpression(const Json &value, std::string *expression)
{
    if (!value.is_string())
        return false;
    const std::string &text = value.get_ref<const std::string &>();
    if (text.size() < 4 || !text.starts_with("{%") || !text.ends_with("%}"))
        return false;
    if (expression) {
        // AWS quotes the expression without the spaces around it in its error causes.
        const std::size_t first = text.find_first_not_of(" \t\r\n", 2);
        const std::size_t last = text.find_last_not_of(" \t\r\n", text.size() - 3);
        *expression = first > last || first >= text.size() - 2
                        ? std::string()
                        : text.substr(first, last - first + 1);
    }
    return true;
}

Eval<Json> evalJsonata(ExecutionImpl &rt, const Thread &thread, const Json &field,
                       const std::string &location, const JsonataRoots &roots)
{
    std::string text;
    if (isJsonataExpression(field, &text))
        return evalExpression(rt, thread, text, location, roots);
    if (field.is_object()) {
        Json out = Json(Json::value_t::object);
        reserveMembers(out, field.size());
        for (auto it = field.begin(); it != field.end(); ++it) {
            auto value = evalJsonata(rt, thread, it.value(), location + "/" + it.key(), roots);
            if (!value.hasValue())
                return value;
            out[it.key()] = std::move(value).value();
        }
        return out;
    }
    if (field.is_array()) {
        Json out = Json(Json::value_t::array);
        for (std::size_t i = 0; i < field.size(); ++i) {
            auto value = evalJsonata(rt, thread, field[i],
                                     location + "[" + std::to_string(i) + "]", roots);
            if (!value.hasValue())
                return value;
            out.push_back(std::move(value).value());
        }
        return out;
    }
    return field;
}

Eval<Json> evalJsonataAssign(ExecutionImpl &rt, const Thread &thread, const Json &assign,
                             const std::string &prefix, const JsonataRoots &roots)
{
    if (!assign.is_object())
        return unexpected(queryError(rt, thread, "The field '" + prefix
                                                     + "' must be an object.", prefix));
    return evalJsonata(rt, thread, assign, prefix, roots);
}

namespace {

// AWS's error for a field whose value (an expression's result, or a literal) has the wrong
// type: "<prefix>returned an unexpected result type. Expected '<expected>', but was ..."
StateError unexpectedResultType(const ExecutionImpl &rt, const Thread &thread, const Json &field,
                                const std::string &location, const char *expected,
                                const Json &value)
{
    std::string text;
    const std::string shown = isJsonataExpression(field, &text)
                                  ? prefixOf(text, location)
                                  : "The value specified for the field '" + location + "' ";
    return queryError(rt, thread,
                      shown + "returned an unexpected result type. Expected '" + expected
                          + "', but was '" + typeName(value) + "' for value: " + compact(value),
                      location);
}

} // namespace

Eval<std::optional<std::int64_t>> evalJsonataInteger(ExecutionImpl &rt, const Thread &thread,
                                                     const std::optional<Json> &field,
                                                     const std::string &location,
                                                     const JsonataRoots &roots, bool allowZero)
{
    if (!field)
        return std::optional<std::int64_t>();
    std::string text;
    if (!isJsonataExpression(*field, &text)) {
        if (field->is_number_integer())
            return std::optional<std::int64_t>(field->get<std::int64_t>());
        if (field->is_number_float() && field->get<double>() == std::floor(field->get<double>()))
            return std::optional<std::int64_t>(static_cast<std::int64_t>(field->get<double>()));
        return std::optional<std::int64_t>();
    }
    auto value = evalExpression(rt, thread, text, location, roots);
    if (!value.hasValue())
        return unexpected(value.error());
    const Json &number = value.value();
    const bool integral = number.is_number_integer()
                          || (number.is_number_float()
                              && number.get<double>() == std::floor(number.get<double>()));
    if (!integral)
        return unexpected(unexpectedResultType(rt, thread, *field, location, "integer", number));
    const auto count = number.is_number_integer()
                         ? number.get<std::int64_t>()
                         : static_cast<std::int64_t>(number.get<double>());
    if (count < 0 || (count == 0 && !allowZero))
        return unexpected(queryError(rt, thread,
                                     "The value of the field '" + location
                                         + "' must be a positive integer: " + compact(number),
                                     location));
    return std::optional<std::int64_t>(count);
}

Eval<std::optional<Json>> evalJsonataNumber(ExecutionImpl &rt, const Thread &thread,
                                            const std::optional<Json> &field,
                                            const std::string &location,
                                            const JsonataRoots &roots, bool integer)
{
    if (!field)
        return std::optional<Json>();
    auto value = evalJsonata(rt, thread, *field, location, roots);
    if (!value.hasValue())
        return unexpected(value.error());
    Json number = std::move(value).value();
    if (integer && number.is_number_float()
        && number.get<double>() == std::floor(number.get<double>()))
        number = static_cast<std::int64_t>(number.get<double>());
    if (integer ? number.is_number_integer() : number.is_number())
        return std::optional<Json>(std::move(number));
    return unexpected(unexpectedResultType(rt, thread, *field, location,
                                           integer ? "integer" : "number", number));
}

Eval<std::optional<std::string>> evalJsonataString(ExecutionImpl &rt, const Thread &thread,
                                                   const std::optional<Json> &field,
                                                   const std::string &location,
                                                   const JsonataRoots &roots)
{
    if (!field)
        return std::optional<std::string>();
    auto value = evalJsonata(rt, thread, *field, location, roots);
    if (!value.hasValue())
        return unexpected(value.error());
    if (value.value().is_string())
        return std::optional<std::string>(value.value().get<std::string>());
    return unexpected(
        unexpectedResultType(rt, thread, *field, location, "string", value.value()));
}

StateError queryError(const ExecutionImpl &rt, const Thread &thread, const std::string &text,
                      std::string location)
{
    StateError error = rt.runtimeError(thread, text);
    error.error = "States.QueryEvaluationError";
    error.fatal = false;
    error.evaluationFailed = true;
    error.location = std::move(location);
    return error;
}

void reportEvaluationFailed(ExecutionImpl &rt, Thread &thread, const StateError &error)
{
    if (!error.evaluationFailed)
        return;
    std::int64_t previous = thread.lastEventId;
    if (thread.enteredEventId > 0
        && static_cast<std::size_t>(thread.enteredEventId) <= rt.history.size())
        previous = rt.history.at(static_cast<std::size_t>(thread.enteredEventId - 1))
                       .previousEventId;
    Json details = Json(Json::value_t::object);
    details["error"] = error.error.value_or(std::string());
    details["cause"] = error.cause.value_or(std::string());
    if (!error.location.empty())
        details["location"] = error.location;
    details["state"] = thread.state ? asl::common(*thread.state).name : std::string();
    rt.emit(&thread, "EvaluationFailed", "evaluationFailedEventDetails", std::move(details),
            previous);
}

void finishJsonataState(ExecutionImpl &rt, Thread &thread, const std::optional<Json> &assign,
                        const std::string &assignLocation, const std::optional<Json> &output,
                        const std::string &outputLocation, const std::optional<std::string> &next)
{
    const JsonataRoots roots = jsonataRootsOf(thread);
    Json assigned = Json(Json::value_t::object);
    if (assign) {
        auto values = evalJsonataAssign(rt, thread, *assign, assignLocation, roots);
        if (!values.hasValue())
            return failJsonata(rt, thread, values.error());
        assigned = std::move(values).value();
    }
    Json result = thread.rawInput;
    if (output) {
        auto value = evalJsonata(rt, thread, *output, outputLocation, roots);
        if (!value.hasValue())
            return failJsonata(rt, thread, value.error());
        result = std::move(value).value();
    }
    rt.exitState(thread, std::move(result), next, std::move(assigned));
}

void failJsonata(ExecutionImpl &rt, Thread &thread, const StateError &error)
{
    reportEvaluationFailed(rt, thread, error);
    rt.fail(thread, error);
}

} // namespace stepwise::engine
