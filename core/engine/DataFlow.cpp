// JSONPath-mode data flow (ASL spec §2.1-§2.3, §2.6): paths over input, context and variables.
#include "core/engine/DataFlow.h"

#include "core/common/JsonDispose.h"
#include "core/engine/TextSplice.h"
#include "core/jsonpath/InPlace.h"

namespace stepwise::engine {

PathRoots rootsOf(const Thread &thread, const Json &input)
{
    PathRoots roots;
    roots.input = &input;
    roots.thread = &thread;
    roots.vars = thread.vars.get();
    return roots;
}

namespace {

// Whether every `$$` in the text reads `$$.Map...`, which the Map item object alone answers.
bool readsOnlyMapItem(std::string_view text)
{
    bool any = false;
    for (auto at = text.find("$$"); at != std::string_view::npos; at = text.find("$$", at + 2)) {
        const std::string_view rest = text.substr(at + 2);
        if (!rest.starts_with(".Map.") && !rest.starts_with("['Map']") && rest != ".Map")
            return false;
        any = true;
    }
    return any;
}

// All variables visible from `scope`, without a copy when only one scope level has any.
const Json *visibleVariables(const Scope *scope, Json &merged)
{
    const Scope *only = nullptr;
    for (const Scope *s = scope; s; s = s->parent.get()) {
        if (s->vars.empty())
            continue;
        if (only) {
            merged = scope->visible();
            return &merged;
        }
        only = s;
    }
    return only ? &only->vars : nullptr;
}

} // namespace

const Json &PathRoots::context(std::string_view pathText) const
{
    static const Json none = Json(Json::value_t::object);
    if (!mapItem)
        return thread ? thread->context() : none;
    if (readsOnlyMapItem(pathText))
        return *mapItem;
    if (!m_mapContext) {
        m_mapContext = thread ? thread->context() : Json(Json::value_t::object);
        (*m_mapContext)["Map"] = (*mapItem)["Map"];
    }
    return *m_mapContext;
}

Result<Json, std::string> readPath(ExecutionImpl &rt, const std::string &text,
                                   const PathRoots &roots)
{
    std::string syntaxError;
    const jsonpath::Path *compiled = rt.path(text, &syntaxError);
    if (!compiled)
        return unexpected(syntaxError);
    return readPath(*compiled, text, roots);
}

namespace {

// The value a path starts from (spec §2.3): the input, the context object or a variable;
// nullptr when the variable is not in scope (or there is no input).
const Json *pathRoot(const jsonpath::Path &compiled, const std::string &text,
                     const PathRoots &roots)
{
    switch (compiled.root()) {
    case jsonpath::Path::Root::Input:
        return roots.input;
    case jsonpath::Path::Root::Context:
        return &roots.context(text);
    case jsonpath::Path::Root::Variable:
        return roots.vars ? roots.vars->find(compiled.variableName()) : nullptr;
    }
    return nullptr;
}

} // namespace

const Json *locateNode(const jsonpath::Path &compiled, const std::string &text,
                       const PathRoots &roots)
{
    const Json *root = pathRoot(compiled, text, roots);
    return root ? jsonpath::locate(compiled, *root) : nullptr;
}

Result<Json, std::string> readPath(const jsonpath::Path &compiled, const std::string &text,
                                   const PathRoots &roots)
{
    const Json *root = pathRoot(compiled, text, roots);
    if (!root && compiled.root() == jsonpath::Path::Root::Variable)
        return unexpected("No results for path: " + compiled.normalized());
    static const Json nullJson;
    const Json &from = root ? *root : nullJson;
    // A definite path to an existing node (the usual case): one copy of the node, no result
    // wrapping; anything else is evaluated, which also words the error.
    if (const Json *node = jsonpath::locate(compiled, from))
        return *node;
    auto value = compiled.evaluate(from);
    if (!value.hasValue())
        return unexpected(value.error().detail);
    return std::move(value).value();
}

namespace {

// A filter path whose result is not a node of the value itself (see locateFilterPath).
Eval<Json> computeFilterPath(ExecutionImpl &rt, const Thread &thread,
                             const asl::PathField &field, const Json &value)
{
    if (field.isNull())
        return Json(Json::value_t::object);
    auto selected = readPath(rt, field.text, rootsOf(thread, value));
    if (!selected.hasValue())
        return unexpected(rt.runtimeError(
            thread, "Invalid path '" + field.text + "' : " + selected.error()));
    return std::move(selected).value();
}

} // namespace

// InputPath / OutputPath (spec §2.2). A node of `value` that a definite path names is copied as
// it is, without a path evaluation.
Eval<Json> applyFilterPath(ExecutionImpl &rt, const Thread &thread, const asl::PathField &field,
                           const Json &value)
{
    if (const Json *node = locateFilterPath(rt, field, value))
        return *node;
    return computeFilterPath(rt, thread, field, value);
}

Eval<Json> takeFilterPath(ExecutionImpl &rt, const Thread &thread, const asl::PathField &field,
                          Json &&value)
{
    const Json *node = locateFilterPath(rt, field, value);
    if (!node)
        return computeFilterPath(rt, thread, field, value);
    if (node == &value)
        return std::move(value);
    Json selected = std::move(*const_cast<Json *>(node)); // a node of `value`, which is ours
    disposeJson(value);
    return selected;
}

const Json *locateFilterPath(ExecutionImpl &rt, const asl::PathField &field, const Json &value)
{
    if (field.isAbsent())
        return &value;
    if (field.isNull())
        return nullptr;
    const jsonpath::Path *compiled = rt.path(field);
    if (!compiled || compiled->root() != jsonpath::Path::Root::Input)
        return nullptr;
    return jsonpath::locate(*compiled, value);
}

// ResultPath (spec §2.1, §2.2, Appendix A12).
Eval<Json> applyResultPath(ExecutionImpl &rt, const Thread &thread, const asl::PathField &field,
                           const Json &rawInput, Json result)
{
    if (field.isAbsent())
        return result;
    if (field.isNull())
        return rawInput;
    std::string syntaxError;
    const jsonpath::Path *compiled = rt.path(field, &syntaxError);
    if (!compiled)
        return unexpected(rt.runtimeError(thread, "Invalid path '" + field.text + "' : "
                                                      + syntaxError));
    auto merged = jsonpath::assign(rawInput, *compiled, std::move(result));
    if (!merged.hasValue())
        return unexpected(rt.runtimeError(thread, "Unable to apply ResultPath '" + field.text
                                                      + "' to input '" + compact(rawInput)
                                                      + "'"));
    return std::move(merged).value();
}

Eval<Json> applyResultPath(ExecutionImpl &rt, const Thread &thread, const asl::PathField &field,
                           Json &&rawInput, Json result)
{
    if (field.isAbsent())
        return result;
    if (field.isNull())
        return std::move(rawInput);
    std::string syntaxError;
    const jsonpath::Path *compiled = rt.path(field, &syntaxError);
    if (!compiled)
        return unexpected(rt.runtimeError(thread, "Invalid path '" + field.text + "' : "
                                                      + syntaxError));
    auto merged = jsonpath::assign(std::move(rawInput), *compiled, std::move(result));
    if (!merged.hasValue()) // rawInput is unchanged then
        return unexpected(rt.runtimeError(thread, "Unable to apply ResultPath '" + field.text
                                                      + "' to input '" + compact(rawInput)
                                                      + "'"));
    return std::move(merged).value();
}

bool splicesResult(ExecutionImpl &rt, const Thread &thread, const asl::PathField &field)
{
    if (field.isAbsent() || rt.enteredInputText(thread).empty())
        return false;
    if (field.isNull())
        return true;
    const jsonpath::Path *compiled = rt.path(field);
    return compiled && rt.escapedMembers(*compiled) != nullptr;
}

std::string resultPathText(ExecutionImpl &rt, Thread &thread, const asl::PathField &field,
                           const std::string &resultText, MemberIndex &outputIndex)
{
    outputIndex.clear();
    if (field.isAbsent())
        return resultText;
    const std::string_view inputText = rt.enteredInputText(thread);
    if (field.isNull()) {
        outputIndex = std::move(thread.inputIndex);
        return std::string(inputText);
    }
    const jsonpath::Path *compiled = rt.path(field);
    const std::vector<std::string> *keys = compiled ? rt.escapedMembers(*compiled) : nullptr;
    if (!keys)
        return {};
    if (keys->empty())
        return resultText; // `$`: the result replaces the input
    if (inputText.empty())
        return {};
    outputIndex = std::move(thread.inputIndex);
    auto spliced = spliceMember(inputText, *keys, resultText, &outputIndex);
    if (!spliced)
        outputIndex.clear();
    return std::move(spliced).value_or(std::string());
}

Eval<Json> evalFieldPath(ExecutionImpl &rt, const Thread &thread, const std::string &text,
                         const std::string &field, const PathRoots &roots,
                         const jsonpath::Path *path, const intrinsics::Expression *call)
{
    if (!text.starts_with("$")) {
        std::string syntaxError;
        if (!call)
            call = rt.intrinsic(text, &syntaxError);
        if (!call)
            return unexpected(rt.runtimeError(thread, syntaxError));
        Json merged;
        const Json *visible = visibleVariables(roots.vars, merged);
        const bool readsContext = text.find("$$") != std::string::npos;
        intrinsics::EvalContext context{roots.input,
                                        readsContext ? &roots.context(text) : nullptr, visible,
                                        [&rt] { return rt.nextRandom(); }};
        auto value = intrinsics::evaluate(*call, context);
        if (!value.hasValue())
            return unexpected(rt.runtimeError(thread, value.error()));
        return std::move(value).value();
    }
    auto value = path ? readPath(*path, text, roots) : readPath(rt, text, roots);
    if (!value.hasValue())
        return unexpected(rt.runtimeError(
            thread, "The JSONPath '" + text + "' specified for the field '" + field
                        + "' could not be found in the input '"
                        + compact(roots.input ? *roots.input : Json()) + "'"));
    return std::move(value).value();
}

Eval<const Json *> effectiveInput(ExecutionImpl &rt, const Thread &thread,
                                  const asl::PathField &inputPath, const Json &rawInput,
                                  Json &storage)
{
    if (const Json *node = locateFilterPath(rt, inputPath, rawInput))
        return node;
    auto value = computeFilterPath(rt, thread, inputPath, rawInput);
    if (!value.hasValue())
        return unexpected(value.error());
    storage = std::move(value).value();
    return &storage;
}

} // namespace stepwise::engine
