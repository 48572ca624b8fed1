// Function application (JSONata docs "Functions": invocation, lambdas, closures, partial
// application, function chaining ~>, and the transform operator |...|). Tail calls in lambda
// bodies return thunks that apply() runs in a loop, so tail recursion does not grow the stack.
#include "core/jsonata/Evaluator.h"
#include "core/jsonata/Functions.h"
#include "core/jsonata/Signature.h"

namespace stepwise::jsonata {

std::size_t Callable::arity() const
{
    switch (kind) {
    case Kind::Lambda: return lambda->params.size();
    case Kind::Native: return nativeArity;
    case Kind::Partial: {
        std::size_t n = 0;
        for (const auto &a : boundArgs)
            n += a ? 0 : 1;
        return n;
    }
    default: return 1;
    }
}

Value makeNative(std::string name, std::string signature, NativeFn fn)
{
    auto c = std::make_shared<Callable>();
    c->kind = Callable::Kind::Native;
    c->name = std::move(name);
    c->native = std::move(fn);
    if (!signature.empty()) {
        c->signature = std::make_shared<Signature>(parseSignature(signature, 0));
        for (const auto &p : c->signature->params)
            c->nativeArity += (p.optional && !p.context) ? 0 : 1;
    }
    return Value::functionValue(std::move(c));
}

static Value makeFunctionValue(std::shared_ptr<Callable> c)
{
    return Value::functionValue(std::move(c));
}

static std::string procedureName(const Node &proc)
{
    if (proc.kind == NodeKind::Path && !proc.children.empty())
        return proc.children.front()->value;
    return proc.value;
}

Value Evaluator::evalCall(const Node &n, const Value &input, const FramePtr &env,
                          const Value *applyTo)
{
    Value proc = evaluate(*n.lhs, input, env);
    std::string name = procedureName(*n.lhs);
    if (proc.isUndefined() && n.lhs->kind == NodeKind::Path && env->lookup(name))
        throwError("T1005", "Attempted to invoke a non-function. Did you mean ${{" + name + "}}?",
                   n.position, name);
    std::vector<Value> args;
    if (applyTo)
        args.push_back(*applyTo);
    for (const auto &a : n.children)
        args.push_back(evaluate(*a, input, env));
    if (n.tail && proc.isFunction()) {
        auto thunk = std::make_shared<Callable>();
        thunk->kind = Callable::Kind::Thunk;
        thunk->target = proc;
        thunk->input = input;
        thunk->name = name;
        for (auto &a : args)
            thunk->boundArgs.emplace_back(std::move(a));
        return makeFunctionValue(thunk);
    }
    try {
        if (proc.isFunction() && proc.function()->name.empty() &&
            proc.function()->kind != Callable::Kind::Lambda)
            proc.function()->name = name;
        return apply(proc, std::move(args), input);
    } catch (EvalError &e) {
        if (e.position == 0)
            e.position = n.position;
        if (e.token.empty())
            e.token = name;
        throw;
    }
}

Value Evaluator::apply(const Value &fn, std::vector<Value> args, const Value &input)
{
    Value result = applyInner(fn, std::move(args), input);
    while (result.isFunction() && result.function()->kind == Callable::Kind::Thunk) {
        auto thunk = result.functionPtr();
        std::vector<Value> next;
        for (auto &a : thunk->boundArgs)
            next.push_back(*a);
        result = applyInner(thunk->target, std::move(next), thunk->input);
    }
    return result;
}

Value Evaluator::applyInner(const Value &fn, std::vector<Value> args, const Value &input)
{
    if (!fn.isFunction())
        throwError("T1006", "Attempted to invoke a non-function");
    const Callable &c = *fn.function();
    static const std::string anonymous = "function";
    const std::string &name = c.name.empty() ? anonymous : c.name;
    if (c.signature) {
        const bool wrapped = input.isArray() && input.array()->outerWrapper && input.size() == 1;
        args = c.signature->validate(args, wrapped ? input.at(0) : input, name);
    }
    switch (c.kind) {
    case Callable::Kind::Lambda: {
        auto frame = std::make_shared<Frame>();
        frame->parent = c.env;
        for (std::size_t i = 0; i < c.lambda->params.size(); ++i)
            frame->vars[c.lambda->params[i]] = i < args.size() ? args[i] : Value();
        return evaluate(*c.lambda->lhs, c.input, frame);
    }
    case Callable::Kind::Native: return c.native(*this, args, input);
    case Callable::Kind::Partial: {
        std::vector<Value> full;
        std::size_t next = 0;
        for (const auto &b : c.boundArgs)
            full.push_back(b ? *b : (next < args.size() ? args[next++] : Value()));
        return apply(c.target, std::move(full), input);
    }
    case Callable::Kind::Regex:
        if (args.empty() || !args[0].isString())
            return Value();
        return regexExec(c, args[0].string(), 0);
    case Callable::Kind::Thunk: return fn;
    }
    return Value();
}

Value Evaluator::applyHof(const Value &fn, const Value &a, const Value &b, const Value &c)
{
    std::vector<Value> args{a};
    std::size_t arity = fn.isFunction() ? fn.function()->arity() : 1;
    if (arity >= 2)
        args.push_back(b);
    if (arity >= 3)
        args.push_back(c);
    return apply(fn, std::move(args), Value());
}

Value Evaluator::evalPartial(const Node &n, const Value &input, const FramePtr &env)
{
    auto c = std::make_shared<Callable>();
    c->kind = Callable::Kind::Partial;
    for (const auto &a : n.children) {
        if (a->kind == NodeKind::PartialArgument)
            c->boundArgs.emplace_back(std::nullopt);
        else
            c->boundArgs.emplace_back(evaluate(*a, input, env));
    }
    Value proc = evaluate(*n.lhs, input, env);
    std::string name = procedureName(*n.lhs);
    if (proc.isUndefined() && n.lhs->kind == NodeKind::Path && env->lookup(name))
        throwError("T1007", "Attempted to partially apply a non-function. Did you mean ${{" +
                                name + "}}?", n.position, name);
    if (!proc.isFunction())
        throwError("T1008", "Attempted to partially apply a non-function", n.position, name);
    c->target = proc;
    return makeFunctionValue(c);
}

Value Evaluator::evalApplyOp(const Node &n, const Value &input, const FramePtr &env)
{
    Value lhs = evaluate(*n.lhs, input, env);
    if (n.rhs->kind == NodeKind::Call) {
        Value result = evalCall(*n.rhs, input, env, &lhs);
        if (n.rhs->keepArray && result.isSequence())
            result.array()->keepSingleton = true;
        return result;
    }
    Value func = evaluate(*n.rhs, input, env);
    if (!func.isFunction())
        throwError("T2006", "The right side of the function application operator ~> must be a "
                            "function", n.position);
    if (lhs.isFunction()) {
        Value first = lhs;
        return makeNative("", "", [first, func](Evaluator &ev, Args &args, const Value &) {
            Value mid = ev.apply(first, args, Value());
            return ev.apply(func, {mid}, Value());
        });
    }
    return apply(func, {lhs}, input);
}

Value Evaluator::evalTransform(const Node &n, const FramePtr &env)
{
    const Node *node = &n;
    FramePtr captured = env;
    return makeNative("", "<(oa):(oa)>", [node, captured](Evaluator &ev, Args &args,
                                                         const Value &) -> Value {
        if (args.empty() || args[0].isUndefined())
            return Value();
        Value result = deepClone(args[0]);
        Value matches = ev.evaluate(*node->lhs, result, captured);
        if (matches.isUndefined())
            return result;
        std::vector<Value> list = matches.isArray() ? matches.array()->items
                                                     : std::vector<Value>{matches};
        for (const auto &match : list) {
            Value update = ev.evaluate(*node->rhs, match, captured);
            if (!update.isUndefined()) {
                if (!update.isObject())
                    throwError("T2011", "The insert/update clause of the transform expression "
                                        "must evaluate to an object: " + stringify(update, false),
                               node->rhs->position);
                if (match.isObject())
                    for (const auto &[k, v] : update.object()->entries)
                        match.object()->set(k, v);
            }
            if (!node->third)
                continue;
            Value del = ev.evaluate(*node->third, match, captured);
            if (del.isUndefined())
                continue;
            Value keys = del.isArray() ? del : appendValues(Value::newArray(), del);
            if (!isArrayOfStrings(keys))
                throwError("T2012", "The delete clause of the transform expression must evaluate "
                                    "to a string or array of strings: " + stringify(del, false),
                           node->third->position);
            if (match.isObject())
                for (const auto &k : keys.array()->items)
                    match.object()->erase(k.string());
        }
        return result;
    });
}

} // namespace stepwise::jsonata
