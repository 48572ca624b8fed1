// Public entry points: compile (parse + restructure) and evaluate with bindings.
#include "core/jsonata/Jsonata.h"

#include "core/jsonata/Evaluator.h"
#include "core/jsonata/Functions.h"
#include "core/jsonata/Parser.h"
#include "core/jsonata/Signature.h"

#include <random>

namespace stepwise::jsonata {

Result<Expression, Error> Expression::compile(std::string_view text)
{
    try {
        Expression e;
        e.m_text = std::string(text);
        e.m_root = parseExpression(text);
        return e;
    } catch (const EvalError &err) {
        return unexpected(Error{err.code, err.message, err.position, err.token});
    }
}

static Value hostFunctionValue(const std::string &name, const Bindings::Function &f)
{
    HostFunction host = f.fn;
    return makeNative(name, f.signature, [host](Evaluator &, Args &args, const Value &) -> Value {
        std::vector<std::optional<Json>> jsonArgs;
        for (const auto &a : args)
            jsonArgs.push_back(toJson(a));
        auto r = host(jsonArgs);
        if (!r.hasValue())
            throw EvalError{r.error().code, r.error().message, r.error().position,
                            r.error().token, std::nullopt};
        return r.value() ? fromJson(*r.value()) : Value();
    });
}

// One seeded engine per thread, so evaluations do not reopen the system random device.
static double defaultRandom()
{
    static thread_local std::mt19937_64 engine{std::random_device{}()};
    return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

struct Environment::Data
{
    // Copies of the JSON the values below were converted from: the values point into them
    // (JsonOrigin) so that passing input through to the result costs a JSON copy, not a rebuild.
    std::optional<Json> inputSource;
    std::map<std::string, Json> variableSources;
    Value input;
    FramePtr frame; // "$", the variables and the host functions; parent of each evaluation's
    std::size_t maxDepth;
    long long timeLimitMs;
    std::function<double()> random;
    bool rejectFunctionResult;
    std::optional<Error> error; // a host function's signature that does not parse
};

Environment::Environment(const std::optional<Json> &input, const Bindings &bindings)
{
    auto data = std::make_shared<Data>();
    data->inputSource = input;
    data->variableSources = bindings.variables;
    Value in = data->inputSource ? fromJsonKeepingOrigin(*data->inputSource) : Value();
    if (in.isArray()) {
        Value wrapped = Value::sequence();
        wrapped.push(in);
        wrapped.array()->outerWrapper = true;
        in = wrapped;
    }
    data->input = in;
    data->frame = std::make_shared<Frame>();
    data->frame->parent = builtinFrame();
    data->frame->vars["$"] = in;
    for (const auto &[name, value] : data->variableSources)
        data->frame->vars[name] = fromJsonKeepingOrigin(value);
    try {
        for (const auto &[name, f] : bindings.functions)
            data->frame->vars[name] = hostFunctionValue(name, f);
    } catch (const EvalError &err) {
        data->error = Error{err.code, err.message, err.position, err.token};
    }
    data->maxDepth = bindings.maxDepth;
    data->timeLimitMs = bindings.timeLimitMs;
    data->random = bindings.random ? bindings.random : std::function<double()>(defaultRandom);
    data->rejectFunctionResult = bindings.rejectFunctionResult;
    m_data = std::move(data);
}

Result<std::optional<Json>, Error> evaluate(const Expression &expr,
                                            const std::optional<Json> &input,
                                            const Bindings &bindings)
{
    if (!expr.root())
        return unexpected(Error{"S0500", "Expression was not compiled", 0, {}});
    return evaluate(expr, Environment(input, bindings));
}

Result<std::optional<Json>, Error> evaluate(const Expression &expr, const Environment &env)
{
    if (!expr.root())
        return unexpected(Error{"S0500", "Expression was not compiled", 0, {}});
    const Environment::Data &data = *env.m_data;
    if (data.error)
        return unexpected(*data.error);
    try {
        Evaluator ev(data.maxDepth, data.timeLimitMs, data.random);
        // A frame of its own, so the expression's top-level `:=` never reaches the shared one.
        auto frame = std::make_shared<Frame>();
        frame->parent = data.frame;
        ev.setRootFrame(frame);
        const Value &in = data.input;
        Value result = ev.evaluate(*expr.root(), in, frame);
        result = flattenSequence(result);
        if (result.isFunction() && result.function()->kind == Callable::Kind::Thunk)
            result = ev.apply(result, {}, in);
        if (data.rejectFunctionResult && result.isFunction())
            return unexpected(Error{kFunctionResultCode, "The result is a function", 0, {}});
        return toJson(result);
    } catch (const EvalError &err) {
        return unexpected(Error{err.code, err.message, err.position, err.token});
    } catch (const std::exception &ex) {
        return unexpected(Error{"D3000", ex.what(), 0, {}});
    }
}

} // namespace stepwise::jsonata
