// JSONPath-mode data flow (ASL spec §2.1-§2.3, §2.6): paths over input, context and variables.
#include "core/engine/DataFlow.h"

namespace stepwise::engine {

std::string compact(const Json &value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

PathRoots rootsOf(const Thread &thread, const Json &input)
{
    return PathRoots{&input, &thread.context(), thread.vars.get()};
}

Result<Json, std::string> readPath(ExecutionImpl &rt, const std::string &text,
                                   const PathRoots &roots)
{
    std::string syntaxError;
    const jsonpath::Path *compiled = rt.path(text, &syntaxError);
    if (!compiled)
        return unexpected(syntaxError);
    const Json *root = roots.input;
    switch (compiled->root()) {
    case jsonpath::Path::Root::Input:
        break;
    case jsonpath::Path::Root::Context:
        root = roots.context;
        break;
    case jsonpath::Path::Root::Variable:
        root = roots.vars ? roots.vars->find(compiled->variableName()) : nullptr;
        if (!root)
            return unexpected("No results for path: " + compiled->normalized());
        break;
    }
    static const Json nullJson;
    auto value = compiled->evaluate(root ? *root : nullJson);
    if (!value.hasValue())
        return unexpected(value.error().detail);
    return std::move(value).value();
}

// InputPath / OutputPath (spec §2.2).
Eval<Json> applyFilterPath(ExecutionImpl &rt, const Thread &thread, const asl::PathField &field,
                           const Json &value)
{
    if (field.isAbsent())
        return value;
    if (field.isNull())
        return Json::object();
    auto selected = readPath(rt, field.text, rootsOf(thread, value));
    if (!selected.hasValue())
        return unexpected(rt.runtimeError(
            thread, "Invalid path '" + field.text + "' : " + selected.error()));
    return std::move(selected).value();
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
    const jsonpath::Path *compiled = rt.path(field.text, &syntaxError);
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

Eval<Json> evalFieldPath(ExecutionImpl &rt, const Thread &thread, const std::string &text,
                         const std::string &field, const PathRoots &roots)
{
    if (!text.starts_with("$")) {
        std::string syntaxError;
        const intrinsics::Expression *call = rt.intrinsic(text, &syntaxError);
        if (!call)
            return unexpected(rt.runtimeError(thread, syntaxError));
        Json visible = roots.vars ? roots.vars->visible() : Json::object();
        intrinsics::EvalContext context{roots.input, roots.context, &visible,
                                        [&rt] { return rt.nextRandom(); }};
        auto value = intrinsics::evaluate(*call, context);
        if (!value.hasValue())
            return unexpected(rt.runtimeError(thread, value.error()));
        return std::move(value).value();
    }
    auto value = readPath(rt, text, roots);
    if (!value.hasValue())
        return unexpected(rt.runtimeError(
            thread, "The JSONPath '" + text + "' specified for the field '" + field
                        + "' could not be found in the input '"
                        + compact(roots.input ? *roots.input : Json()) + "'"));
    return std::move(value).value();
}

std::size_t payloadSize(const Json &value)
{
    return compact(value).size();
}

} // namespace stepwise::engine
