// Evaluation dispatch (JSONata docs "Processing model"): literals, variables, blocks,
// conditions, names, wildcards and descendants, plus the per-node sequence post-processing.
#include "core/jsonata/Evaluator.h"

#include "core/jsonata/Signature.h"

namespace stepwise::jsonata {

void throwError(const char *code, std::string message, std::size_t position, std::string token)
{
    throw EvalError{code, std::move(message), position, std::move(token), std::nullopt};
}

Evaluator::Evaluator(std::size_t maxDepth, long long timeLimitMs, std::function<double()> random)
    : m_maxDepth(maxDepth), m_timeLimitMs(timeLimitMs), m_start(std::chrono::steady_clock::now()),
      m_random(std::move(random))
{
}

void Evaluator::checkBudget(std::size_t position)
{
    if (m_depth > m_maxDepth)
        throwError("U1001", "Stack overflow error: Check for non-terminating recursive function. "
                            "Consider rewriting as tail-recursive.", position);
    if ((++m_steps & 0x3FF) == 0)
        checkTime(position);
}

void Evaluator::checkTime(std::size_t position)
{
    if (m_timeLimitMs <= 0)
        return;
    auto elapsed = std::chrono::steady_clock::now() - m_start;
    if (std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() > m_timeLimitMs)
        throwError("U1001", "Expression evaluation timeout: Check for infinite loop", position);
}

Evaluator::~Evaluator()
{
    for (const std::weak_ptr<Frame> &bound : m_boundFrames)
        if (const FramePtr frame = bound.lock())
            frame->vars.clear();
}

FramePtr frameFromTuple(const FramePtr &env, const Value &tuple)
{
    auto f = std::make_shared<Frame>();
    f->parent = env;
    for (const auto &[k, v] : tuple.object()->entries)
        f->vars[k] = v;
    return f;
}

Value lookupField(const Value &input, const std::string &key)
{
    if (input.isArray()) {
        Value result = Value::sequence();
        for (const auto &item : input.array()->items) {
            Value r = lookupField(item, key);
            if (r.isUndefined())
                continue;
            if (r.isArray())
                for (const auto &e : r.array()->items)
                    result.push(e);
            else
                result.push(r);
        }
        return result;
    }
    if (input.isObject()) {
        const Value *v = input.object()->find(key);
        return v ? *v : Value();
    }
    return Value();
}

static void flattenInto(const Value &v, const Value &out)
{
    if (v.isArray())
        for (const auto &e : v.array()->items)
            flattenInto(e, out);
    else
        out.push(v);
}

static Value evalWildcard(const Value &in)
{
    Value results = Value::sequence();
    Value input = in;
    if (input.isArray() && input.array()->outerWrapper && input.size() > 0)
        input = input.at(0);
    if (input.isArray()) {
        for (const auto &v : input.array()->items) {
            if (v.isArray())
                flattenInto(v, results);
            else
                results.push(v);
        }
    } else if (input.isObject()) {
        for (const auto &[k, v] : input.object()->entries) {
            if (v.isArray())
                flattenInto(v, results);
            else
                results.push(v);
        }
    }
    return results;
}

static void recurseDescendants(const Value &v, const Value &out)
{
    if (!v.isArray())
        out.push(v);
    if (v.isArray())
        for (const auto &e : v.array()->items)
            recurseDescendants(e, out);
    else if (v.isObject())
        for (const auto &[k, e] : v.object()->entries)
            recurseDescendants(e, out);
}

static Value evalDescendants(const Value &input)
{
    if (input.isUndefined())
        return Value();
    Value results = Value::sequence();
    recurseDescendants(input, results);
    if (results.size() == 1)
        return results.at(0);
    return results;
}

Value Evaluator::evaluate(const Node &n, const Value &input, const FramePtr &env)
{
    ++m_depth;
    checkBudget(n.position);
    struct DepthGuard
    {
        std::size_t &d;
        ~DepthGuard() { --d; }
    } guard{m_depth};
    Value result = dispatch(n, input, env);
    for (const auto &p : n.predicates)
        result = evalFilter(*p.expr, result, env);
    if (n.kind != NodeKind::Path && n.hasGroup)
        result = evalGroup(n.group, result, env);
    if (result.isSequence() && !result.array()->tupleStream) {
        if (n.keepArray)
            result.array()->keepSingleton = true;
        if (result.size() == 0)
            return Value();
        if (result.size() == 1 && !result.array()->keepSingleton)
            return result.at(0);
    }
    return result;
}

Value Evaluator::makeLambda(const Node &n, const Value &input, const FramePtr &env)
{
    auto c = std::make_shared<Callable>();
    c->kind = Callable::Kind::Lambda;
    c->lambda = std::shared_ptr<Node>(std::shared_ptr<Node>{}, const_cast<Node *>(&n));
    c->env = env;
    c->input = input;
    c->signature = n.signature;
    return Value::functionValue(std::move(c));
}

Value Evaluator::dispatch(const Node &n, const Value &input, const FramePtr &env)
{
    switch (n.kind) {
    case NodeKind::Path: return evalPath(n, input, env);
    case NodeKind::Name: return lookupField(input, n.value);
    case NodeKind::String: return n.literal.isString() ? n.literal : Value::str(n.value);
    case NodeKind::Number: return Value::num(n.number);
    case NodeKind::Literal: return n.literal;
    case NodeKind::Wildcard: return evalWildcard(input);
    case NodeKind::Descendant: return evalDescendants(input);
    case NodeKind::Parent: {
        const Value *v = env->lookup(n.value);
        return v ? *v : Value();
    }
    case NodeKind::Variable: {
        if (n.value.empty())
            return input.isArray() && input.array()->outerWrapper && input.size() > 0 ? input.at(0)
                                                                                    : input;
        const Value *v = env->lookup(n.value);
        return v ? *v : Value();
    }
    case NodeKind::Condition: {
        Value cond = evaluate(*n.lhs, input, env);
        if (isTruthy(cond))
            return evaluate(*n.rhs, input, env);
        return n.third ? evaluate(*n.third, input, env) : Value();
    }
    case NodeKind::Block: {
        auto frame = std::make_shared<Frame>();
        frame->parent = env;
        Value result;
        for (const auto &c : n.children)
            result = evaluate(*c, input, frame);
        return result;
    }
    case NodeKind::Bind: {
        Value v = evaluate(*n.rhs, input, env);
        env->vars[n.lhs->value] = v;
        if (m_boundFrames.empty() || m_boundFrames.back().lock() != env)
            m_boundFrames.push_back(env);
        return v;
    }
    case NodeKind::Coalesce: {
        Value l = evaluate(*n.lhs, input, env);
        return l.isUndefined() ? evaluate(*n.rhs, input, env) : l;
    }
    case NodeKind::Default: {
        Value l = evaluate(*n.lhs, input, env);
        return isTruthy(l) ? l : evaluate(*n.rhs, input, env);
    }
    case NodeKind::Lambda: return makeLambda(n, input, env);
    case NodeKind::Regex: return makeRegex(n);
    case NodeKind::Call: return evalCall(n, input, env, nullptr);
    case NodeKind::Partial: return evalPartial(n, input, env);
    case NodeKind::Apply: return evalApplyOp(n, input, env);
    case NodeKind::Transform: return evalTransform(n, env);
    case NodeKind::Sort: return evalSort(n, input, env);
    case NodeKind::Binary:
    case NodeKind::Negate:
    case NodeKind::ArrayCons:
    case NodeKind::ObjectCons: return evalBinary(n, input, env);
    case NodeKind::PartialArgument: return Value();
    }
    return Value();
}

Value Evaluator::makeRegex(const Node &n)
{
    if (n.literal.isFunction()) // compiled by the parser
        return n.literal;
    std::optional<Value> regex = makeRegexValue(n.value, n.flags);
    if (!regex)
        throwError("S0303", "Invalid regular expression: " + n.value, n.position, n.value);
    return *regex;
}

} // namespace stepwise::jsonata
