// Per-visit data flow (ASL spec §2.1 pipeline, §6 Choice rules, §10.3 inspection stages).
#include "ui/debug/StateVisitData.h"

#include "core/asl/Edits.h"
#include "core/engine/ChoiceExplain.h"
#include "core/graph/Graph.h"
#include "core/jsonpath/Path.h"
#include "ui/debug/NodeLocator.h"
#include "ui/debug/OverlayBuilder.h"
#include "ui/debug/VisitContext.h"

namespace stepwise::ui {
namespace {

std::string member(const Json &details, const char *key)
{
    if (details.is_object() && details.contains(key) && details[key].is_string())
        return details[key].get<std::string>();
    return {};
}

std::optional<Json> readInputPath(const std::string &text, const Json &input)
{
    auto path = jsonpath::Path::parse(text);
    if (!path || path.value().root() != jsonpath::Path::Root::Input)
        return std::nullopt; // `$$` and `$var` roots are not in the history
    auto value = path.value().evaluate(input);
    if (!value)
        return std::nullopt;
    return value.value();
}

// A payload template (spec §2.4) whose `.$` values are plain input paths; intrinsic functions,
// `$$` and variables are the engine's business, so such a template is reported as not derivable.
std::optional<Json> evalTemplate(const Json &payload, const Json &input)
{
    if (payload.is_array()) {
        Json out = Json::array();
        for (const Json &item : payload) {
            auto value = evalTemplate(item, input);
            if (!value)
                return std::nullopt;
            out.push_back(std::move(*value));
        }
        return out;
    }
    if (!payload.is_object())
        return payload;
    Json out = Json::object();
    for (auto it = payload.begin(); it != payload.end(); ++it) {
        const std::string &key = it.key();
        if (key.ends_with(".$")) {
            if (!it.value().is_string())
                return std::nullopt;
            auto value = readInputPath(it.value().get<std::string>(), input);
            if (!value)
                return std::nullopt;
            out[key.substr(0, key.size() - 2)] = std::move(*value);
        } else {
            auto value = evalTemplate(it.value(), input);
            if (!value)
                return std::nullopt;
            out[key] = std::move(*value);
        }
    }
    return out;
}

std::optional<Json> applyFilter(const asl::PathField &field, const std::optional<Json> &value)
{
    if (!value)
        return std::nullopt;
    if (field.isAbsent())
        return value;
    if (field.isNull())
        return Json::object();
    return readInputPath(field.text, *value);
}

std::optional<Json> applyResultPath(const asl::PathField &field, const std::optional<Json> &raw,
                                    const std::optional<Json> &result)
{
    if (!raw || !result)
        return std::nullopt;
    if (field.isAbsent())
        return result;
    if (field.isNull())
        return raw;
    auto path = jsonpath::Path::parse(field.text);
    if (!path)
        return std::nullopt;
    auto assigned = jsonpath::assign(*raw, path.value(), *result);
    if (!assigned)
        return std::nullopt;
    return assigned.value();
}

// The events of the visit entered at `entered`, up to `cursor`, in its thread (scope + name).
struct VisitEvents
{
    const engine::HistoryEvent *entered = nullptr;
    std::optional<Json> parameters, result, output, assigned;
    QString error, cause;
    bool exited = false;
};

VisitEvents collect(const engine::ExecutionHistory &history, std::size_t entered, std::size_t cursor)
{
    VisitEvents out;
    out.entered = &history.at(entered);
    for (std::size_t i = entered + 1; i <= cursor && i < history.size(); ++i) {
        const engine::HistoryEvent &e = history.at(i);
        if (e.stateName != out.entered->stateName || e.scope != out.entered->scope)
            continue;
        if (e.type.ends_with("StateEntered"))
            break; // the next visit of the same state
        if (e.type == "TaskScheduled")
            out.parameters = detailsJson(e.details, "parameters");
        else if (e.type == "LambdaFunctionScheduled" || e.type == "ActivityScheduled")
            out.parameters = detailsJson(e.details, "input");
        if (e.type == "TaskSucceeded" || e.type == "LambdaFunctionSucceeded"
            || e.type == "ActivitySucceeded")
            out.result = detailsJson(e.details, "output");
        if (isStateErrorEvent(e.type)) {
            out.error = QString::fromStdString(member(e.details, "error"));
            out.cause = QString::fromStdString(member(e.details, "cause"));
        }
        if (e.type.ends_with("StateExited")) {
            out.exited = true;
            out.output = detailsJson(e.details, "output");
            if (e.details.is_object() && e.details.contains("assignedVariables"))
                out.assigned = e.details["assignedVariables"];
        }
    }
    // A Fail state has no Exited event (spec §9.3): its visit is over once anything follows it.
    if (out.entered->type == "FailStateEntered" && cursor > entered && cursor < history.size())
        out.exited = true;
    return out;
}

void addChoiceRules(VisitData &data, const asl::ChoiceState &choice, engine::QueryLanguage language,
                    engine::ChoiceData input)
{
    data.defaultNext = QString::fromStdString(choice.defaultNext.value_or(""));
    if (!choice.choices)
        return;
    const engine::ChoiceExplanation explained = engine::explainChoice(choice, language, input);
    for (std::size_t i = 0; i < choice.choices->size(); ++i) {
        const asl::ChoiceRule &rule = (*choice.choices)[i];
        const engine::RuleVerdict &verdict = explained.rules[i];
        ChoiceRuleResult row;
        row.condition = QString::fromStdString(
            rule.condition && rule.condition->is_string() ? rule.condition->get<std::string>()
                                                          : graph::conditionText(rule));
        row.next = QString::fromStdString(rule.next.value_or(""));
        row.value = verdict.value;
        row.matched = verdict.matched;
        row.error = QString::fromStdString(verdict.error);
        row.reached = verdict.reached;
        data.rules.push_back(std::move(row));
    }
}

const asl::State *stateOf(const engine::HistoryEvent &event, const asl::StateMachine *machine,
                          const NodeLocator *locator)
{
    if (!machine || !locator)
        return nullptr;
    const std::string &id = locator->nodeId(event.scope, event.stateName);
    return id.empty() ? nullptr : asl::edits::findState(*machine, asl::StatePath{id});
}

void addStages(VisitData &data, const VisitEvents &v, const asl::State *state)
{
    const std::optional<Json> input = detailsJson(v.entered->details, "input");
    const QString unknown = QObject::tr("not derivable from the history");
    data.stages.push_back({QObject::tr("Input"), input, {}});
    const asl::StateCommon *common = state ? &asl::common(*state) : nullptr;
    const std::optional<Json> afterInput =
        common ? applyFilter(common->inputPath, input) : std::nullopt;
    data.stages.push_back({QObject::tr("After InputPath"), afterInput, afterInput ? QString() : unknown});

    std::optional<Json> params = v.parameters, selectorTemplate, result = v.result;
    const asl::PathField *resultPath = nullptr;
    if (const auto *task = state ? std::get_if<asl::TaskState>(state) : nullptr) {
        selectorTemplate = task->resultSelector;
        resultPath = &task->resultPath;
    } else if (const auto *pass = state ? std::get_if<asl::PassState>(state) : nullptr) {
        params = pass->parameters && afterInput ? evalTemplate(*pass->parameters, *afterInput)
                                                : afterInput;
        result = pass->result ? std::optional<Json>(*pass->result) : params;
        resultPath = &pass->resultPath;
    }
    const bool hasParameters = state && (std::holds_alternative<asl::TaskState>(*state)
                                          || std::holds_alternative<asl::PassState>(*state));
    if (hasParameters) {
        data.stages.push_back({QObject::tr("After Parameters"), params,
                               params ? QString() : (v.exited ? unknown : QObject::tr("not yet"))});
        data.stages.push_back({QObject::tr("Result"), result,
                               result ? QString() : (v.exited || !v.error.isEmpty()
                                                         ? QObject::tr("none") : QObject::tr("not yet"))});
        std::optional<Json> selected = result;
        if (selectorTemplate && result)
            selected = evalTemplate(*selectorTemplate, *result);
        data.stages.push_back({QObject::tr("After ResultSelector"), selected,
                               selected ? QString() : unknown});
        if (resultPath)
            data.stages.push_back({QObject::tr("After ResultPath"),
                                   applyResultPath(*resultPath, input, selected), {}});
    }
    data.stages.push_back({QObject::tr("Output"), v.output,
                           v.output  ? QString()
                           : v.exited ? QObject::tr("none (a Fail state has no output)")
                                      : QObject::tr("not yet")});
}

// A JSONata state's stages (spec §3.2, §10.3): Input, After Arguments (Task, Parallel), Result
// (Task, Parallel, Map), Output; its Assign shows as the variables assigned. No JSONPath stage
// (InputPath, Parameters, ResultSelector, ResultPath) exists in JSONata.
void addJsonataStages(VisitData &data, const VisitEvents &v, const asl::State &state)
{
    const QString unknown = QObject::tr("not derivable from the history");
    const QString notYet = QObject::tr("not yet");
    data.stages.push_back({QObject::tr("Input"), detailsJson(v.entered->details, "input"), {}});
    const asl::StateType type = asl::stateType(state);
    const bool isTask = type == asl::StateType::Task;
    if (isTask || type == asl::StateType::Parallel)
        data.stages.push_back({QObject::tr("After Arguments"), v.parameters,
                               v.parameters ? QString() : (isTask && !v.exited ? notYet : unknown)});
    if (isTask || asl::isContainer(state))
        data.stages.push_back({QObject::tr("Result ($states.result)"), v.result,
                               v.result                                ? QString()
                               : !isTask                               ? unknown
                               : (v.exited || !v.error.isEmpty()) ? QObject::tr("none")
                                                                       : notYet});
    data.stages.push_back({QObject::tr("Output"), v.output,
                           v.output  ? QString()
                           : v.exited ? QObject::tr("none (a Fail state has no output)")
                                      : notYet});
}

// The index of the Entered event of the visit the event at `cursor` belongs to.
std::optional<std::size_t> enteredIndexFor(const engine::ExecutionHistory &history, std::size_t cursor)
{
    std::size_t anchor = cursor;
    while (history.at(anchor).stateName.empty()) {
        if (anchor == 0)
            return std::nullopt;
        --anchor;
    }
    const engine::HistoryEvent &at = history.at(anchor);
    for (std::size_t i = anchor + 1; i-- > 0;) {
        const engine::HistoryEvent &e = history.at(i);
        if (e.type.ends_with("StateEntered") && e.stateName == at.stateName && e.scope == at.scope)
            return i;
    }
    return std::nullopt;
}

} // namespace

std::optional<VisitData> visitAt(const engine::ExecutionHistory &history, int cursor,
                                 const asl::StateMachine *machine, const NodeLocator *locator,
                                 const RunIdentity &identity, VariableScopes &variables)
{
    if (cursor < 0 || static_cast<std::size_t>(cursor) >= history.size())
        return std::nullopt;
    const auto entered = enteredIndexFor(history, static_cast<std::size_t>(cursor));
    if (!entered)
        return std::nullopt;
    const VisitEvents v = collect(history, *entered, static_cast<std::size_t>(cursor));
    VisitData data;
    data.stateName = QString::fromStdString(v.entered->stateName);
    data.scope = QString::fromStdString(v.entered->scope);
    data.type = QString::fromStdString(v.entered->type.substr(0, v.entered->type.size() - 12));
    data.enteredIndex = static_cast<int>(*entered);
    data.retries = retriesOf(history, *entered, static_cast<std::size_t>(cursor));
    data.finished = v.exited;
    data.assignedVariables = v.assigned;
    data.error = v.error;
    data.cause = v.cause;
    const asl::State *state = stateOf(*v.entered, machine, locator);
    const bool jsonata =
        state && asl::queryLanguageOf(*state, *machine) == engine::QueryLanguage::JSONata;
    if (jsonata)
        addJsonataStages(data, v, *state);
    else
        addStages(data, v, state);
    const VisitContext seen =
        visitContextOfEntry(history, *entered, static_cast<std::size_t>(cursor), identity,
                            variables);
    if (seen.variables.is_object() && !seen.variables.empty())
        data.visibleVariables = seen.variables;
    if (const auto *choice = state ? std::get_if<asl::ChoiceState>(state) : nullptr) {
        const engine::QueryLanguage language = asl::queryLanguageOf(*state, *machine);
        // JSONPath rules read the effective input, JSONata ones $states.input (spec §6.1).
        const std::optional<Json> &input =
            jsonata ? data.stages[0].value : data.stages[1].value;
        if (input)
            addChoiceRules(data, *choice, language, {*input, seen.context, seen.variables});
    }
    return data;
}

} // namespace stepwise::ui
