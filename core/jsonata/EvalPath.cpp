// Path evaluation (JSONata docs "Path operators", "Predicate queries", "Sorting, grouping and
// aggregation", "Tuple streams": focus @, index # and parent % bindings).
#include "core/jsonata/Evaluator.h"

#include <algorithm>
#include <cmath>

namespace stepwise::jsonata {

namespace {
Value singleSequence(const Value &v)
{
    Value s = Value::sequence();
    if (!v.isUndefined())
        s.push(v);
    return s;
}

// The initial context of a path: like a sequence of the input, but an undefined input still
// gives the first step one (undefined) context so constructors there are evaluated.
Value startSequence(const Value &v)
{
    Value s = Value::sequence();
    s.push(v);
    return s;
}
// A step that only names a field: no predicate, binding, grouping or array flag of its own.
bool isPlainName(const Node &step)
{
    return step.kind == NodeKind::Name && step.stages.empty() && step.predicates.empty() &&
           !step.hasGroup && !step.keepArray && !step.tuple && !step.consArray &&
           step.focus.empty() && step.indexVar.empty();
}

// A path of plain field names after a variable or a name, as most ASL expressions are
// (`$states.input.customer.email`).
bool isPlainNavigation(const Node &n)
{
    if (n.children.size() < 2 || n.keepSingletonArray || n.hasGroup || n.keepArray ||
        n.hasParentRef || !n.predicates.empty())
        return false;
    const Node &first = *n.children.front();
    if (first.kind == NodeKind::Variable) {
        if (!first.stages.empty() || !first.predicates.empty() || first.hasGroup ||
            first.keepArray || first.tuple || first.consArray || !first.focus.empty() ||
            !first.indexVar.empty())
            return false;
    } else if (!isPlainName(first)) {
        return false;
    }
    for (std::size_t i = 1; i < n.children.size(); ++i)
        if (!isPlainName(*n.children[i]))
            return false;
    return true;
}
} // namespace

// Follows a plain navigation through objects by pointer, without the per-step sequences of the
// general path; nullopt when it meets an array (whose flattening the general path does).
std::optional<Value> Evaluator::navigatePlain(const Node &n, const Value &input,
                                              const FramePtr &env)
{
    const Node &first = *n.children.front();
    Value start;
    const Value *cur = &input;
    std::size_t i = 0;
    if (first.kind == NodeKind::Variable) {
        start = dispatch(first, input, env);
        cur = &start;
        i = 1;
    }
    for (; i < n.children.size(); ++i) {
        if (cur->isArray())
            return std::nullopt;
        if (!cur->isObject())
            return Value();
        cur = cur->object()->find(n.children[i]->value);
        if (!cur)
            return Value();
    }
    if (cur->isSequence())
        return std::nullopt;
    return *cur;
}

Value Evaluator::evalPath(const Node &n, const Value &input, const FramePtr &env)
{
    if (isPlainNavigation(n))
        if (std::optional<Value> v = navigatePlain(n, input, env))
            return *v;
    Value inputSeq;
    if (n.children.front()->kind == NodeKind::Variable || !input.isArray())
        inputSeq = startSequence(input);
    else
        inputSeq = input;
    Value result;
    Value tuples;
    bool tupleMode = false;
    for (std::size_t i = 0; i < n.children.size(); ++i) {
        const Node &step = *n.children[i];
        if (step.tuple)
            tupleMode = true;
        if (i == 0 && step.consArray) {
            result = evaluate(step, inputSeq, env);
        } else if (tupleMode) {
            tuples = evalTupleStep(step, inputSeq, tuples.isUndefined() ? nullptr : &tuples, env);
        } else {
            result = evalStep(step, inputSeq, env, i + 1 == n.children.size());
        }
        if (!tupleMode && (result.isUndefined() || (result.isArray() && result.size() == 0)))
            break;
        if (step.focus.empty())
            inputSeq = result;
    }
    if (tupleMode) {
        result = Value::sequence();
        for (const auto &t : tuples.array()->items)
            result.push(*t.object()->find("@"));
    }
    if (n.keepSingletonArray) {
        if (result.isArray() && result.array()->cons && !result.array()->sequence) {
            Value s = Value::sequence();
            s.push(result);
            result = s;
        }
        if (result.isArray())
            result.array()->keepSingleton = true;
    }
    if (n.hasGroup)
        result = evalGroup(n.group, tupleMode ? tuples : result, env);
    return result;
}

Value Evaluator::evalStep(const Node &step, const Value &input, const FramePtr &env, bool last)
{
    if (step.kind == NodeKind::Sort) {
        Value sorted = evalSort(step, input, env);
        return evalStages(step.stages, sorted, env);
    }
    Value seq = Value::sequence();
    auto append = [&seq](const Value &r) {
        if (!r.isArray() || r.array()->cons)
            seq.push(r);
        else
            for (const auto &e : r.array()->items)
                seq.push(e);
    };
    // The first result waits: a lone array result of the last step is returned as it is.
    Value first;
    std::size_t count = 0;
    // A plain name read from an object needs none of evaluate's steps (`**.Price`).
    const bool plain = isPlainName(step);
    for (const auto &item : input.array()->items) {
        Value res;
        if (plain && item.isObject()) {
            tick(step.position);
            const Value *field = item.object()->find(step.value);
            if (!field)
                continue;
            res = *field;
        } else {
            res = evaluate(step, item, env);
            for (const auto &st : step.stages)
                res = evalFilter(*st.expr, res, env);
        }
        if (res.isUndefined())
            continue;
        if (++count == 1) {
            first = std::move(res);
            continue;
        }
        if (count == 2)
            append(first);
        append(res);
    }
    if (count == 1) {
        if (last && first.isArray() && !first.isSequence())
            return first;
        append(first);
    }
    return seq;
}

Value Evaluator::evalTupleStep(const Node &step, const Value &input, const Value *tuples,
                               const FramePtr &env)
{
    Value result = Value::sequence();
    result.array()->tupleStream = true;
    if (step.kind == NodeKind::Sort) {
        if (tuples) {
            result = evalSort(step, *tuples, env);
        } else {
            Value sorted = evalSort(step, input, env);
            for (std::size_t i = 0; i < sorted.size(); ++i) {
                Value t = Value::newObject();
                t.object()->set("@", sorted.at(i));
                if (!step.indexVar.empty())
                    t.object()->set(step.indexVar, Value::num(static_cast<double>(i)));
                result.push(t);
            }
        }
        result.array()->tupleStream = true;
        return evalStages(step.stages, result, env);
    }
    Value bindings;
    if (tuples) {
        bindings = *tuples;
    } else {
        bindings = Value::sequence();
        for (const auto &item : input.array()->items) {
            Value t = Value::newObject();
            t.object()->set("@", item);
            bindings.push(t);
        }
    }
    for (const auto &tuple : bindings.array()->items) {
        FramePtr stepEnv = frameFromTuple(env, tuple);
        const Value &context = *tuple.object()->find("@");
        Value res = evaluate(step, context, stepEnv);
        if (res.isUndefined())
            continue;
        Value items = res.isArray() ? res : singleSequence(res);
        for (std::size_t bb = 0; bb < items.size(); ++bb) {
            Value t = Value::newObject();
            *t.object() = *tuple.object();
            if (!step.focus.empty()) {
                t.object()->set(step.focus, items.at(bb));
                t.object()->set("@", context);
            } else {
                t.object()->set("@", items.at(bb));
            }
            if (!step.indexVar.empty())
                t.object()->set(step.indexVar, Value::num(static_cast<double>(bb)));
            if (!step.flags.empty())
                t.object()->set(step.flags, context);
            result.push(t);
        }
    }
    return evalStages(step.stages, result, env);
}

Value Evaluator::evalStages(const std::vector<Stage> &stages, Value input, const FramePtr &env)
{
    for (const auto &st : stages) {
        if (!st.isIndex) {
            input = evalFilter(*st.expr, input, env);
            continue;
        }
        for (std::size_t i = 0; i < input.size(); ++i)
            input.at(i).object()->set(st.var, Value::num(static_cast<double>(i)));
    }
    return input;
}

Value Evaluator::evalFilter(const Node &pred, const Value &in, const FramePtr &env)
{
    Value results = Value::sequence();
    bool tupleStream = in.isArray() && in.array()->tupleStream;
    results.array()->tupleStream = tupleStream;
    Value input = in.isArray() ? in : singleSequence(in);
    auto count = static_cast<double>(input.size());
    if (pred.kind == NodeKind::Number) {
        double index = std::floor(pred.number);
        if (index < 0)
            index += count;
        if (index >= 0 && index < count) {
            const Value &item = input.at(static_cast<std::size_t>(index));
            if (item.isArray())
                return item;
            results.push(item);
        }
        return results;
    }
    for (std::size_t i = 0; i < input.size(); ++i) {
        const Value &item = input.at(i);
        Value res = tupleStream ? evaluate(pred, *item.object()->find("@"), frameFromTuple(env, item))
                                : evaluate(pred, item, env);
        if (res.isNumber() || (isArrayOfNumbers(res) && res.size() > 0)) {
            Value nums = res.isNumber() ? singleSequence(res) : res;
            for (const auto &nv : nums.array()->items) {
                double ii = std::floor(nv.number);
                if (ii < 0)
                    ii += count;
                if (ii == static_cast<double>(i))
                    results.push(item);
            }
        } else if (isTruthy(res)) {
            results.push(item);
        }
    }
    return results;
}

Value Evaluator::evalGroup(const std::vector<std::pair<NodePtr, NodePtr>> &pairs,
                           const Value &in, const FramePtr &env)
{
    bool reduce = in.isArray() && in.array()->tupleStream;
    // The items grouped: the input's, or the input alone (an undefined one when it is empty).
    static const Value undefinedValue;
    const Value *begin = &in;
    const Value *end = &in + 1;
    if (in.isArray()) {
        begin = in.array()->items.data();
        end = begin + in.size();
    }
    if (begin == end) {
        begin = &undefinedValue;
        end = begin + 1;
        reduce = false;
    }
    struct Group
    {
        Value data;
        std::size_t exprIndex;
    };
    std::vector<std::pair<std::string, Group>> groups;
    // Keys are found by a linear search while there are few (an object constructor's usual
    // handful), through a hash index beyond that.
    std::unordered_map<std::string, std::size_t> index;
    auto findGroup = [&groups, &index](const std::string &key) -> std::size_t {
        if (groups.size() <= 8) {
            for (std::size_t g = 0; g < groups.size(); ++g)
                if (groups[g].first == key)
                    return g;
            return groups.size();
        }
        if (index.empty())
            for (std::size_t g = 0; g < groups.size(); ++g)
                index.emplace(groups[g].first, g);
        auto it = index.find(key);
        return it == index.end() ? groups.size() : it->second;
    };
    for (const Value *itemPtr = begin; itemPtr != end; ++itemPtr) {
        const Value &item = *itemPtr;
        FramePtr itemEnv = reduce ? frameFromTuple(env, item) : env;
        const Value &context = reduce ? *item.object()->find("@") : item;
        for (std::size_t p = 0; p < pairs.size(); ++p) {
            Value key = evaluate(*pairs[p].first, context, itemEnv);
            if (key.isUndefined())
                continue;
            if (!key.isString())
                throwError("T1003", "Key in object structure must evaluate to a string; got: " +
                                        stringify(key, false), pairs[p].first->position);
            const std::size_t found = findGroup(key.string());
            if (found == groups.size()) {
                if (!index.empty())
                    index.emplace(key.string(), groups.size());
                groups.push_back({key.string(), {item, p}});
            } else {
                Group &g = groups[found].second;
                if (g.exprIndex != p)
                    throwError("D1009", "Multiple key definitions evaluate to same key: " +
                                            key.string(), pairs[p].first->position);
                g.data = appendValues(g.data, item);
            }
        }
    }
    Value result = Value::newObject();
    for (auto &[key, g] : groups) {
        Value context = g.data;
        FramePtr groupEnv = env;
        if (reduce) {
            Value merged = Value::newObject();
            Value items = g.data.isArray() ? g.data : singleSequence(g.data);
            for (const auto &t : items.array()->items)
                for (const auto &[k, v] : t.object()->entries) {
                    const Value *old = merged.object()->find(k);
                    merged.object()->set(k, old ? appendValues(*old, v) : v);
                }
            context = *merged.object()->find("@");
            merged.object()->erase("@");
            groupEnv = frameFromTuple(env, merged);
        }
        Value v = evaluate(*pairs[g.exprIndex].second, context, groupEnv);
        if (!v.isUndefined())
            result.object()->append(key, std::move(v));
    }
    return result;
}

Value Evaluator::evalSort(const Node &n, const Value &input, const FramePtr &env)
{
    if (!input.isArray() || input.size() <= 1)
        return input;
    bool tuples = input.array()->tupleStream;
    std::vector<std::vector<Value>> keys(input.size());
    for (std::size_t i = 0; i < input.size(); ++i) {
        const Value &item = input.at(i);
        for (const auto &term : n.sortTerms) {
            Value k = tuples ? evaluate(*term.expr, *item.object()->find("@"), frameFromTuple(env, item))
                             : evaluate(*term.expr, item, env);
            if (!k.isUndefined() && !k.isNumber() && !k.isString())
                throwError("T2008", "The expressions within an order-by clause must evaluate to "
                                    "numeric or string values", n.position);
            keys[i].push_back(k);
        }
    }
    std::vector<std::size_t> order(input.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    auto compare = [&](std::size_t a, std::size_t b) {
        for (std::size_t t = 0; t < n.sortTerms.size(); ++t) {
            const Value &x = keys[a][t];
            const Value &y = keys[b][t];
            if (x.isUndefined() && y.isUndefined())
                continue;
            int comp;
            if (x.isUndefined())
                comp = 1;
            else if (y.isUndefined())
                comp = -1;
            else {
                if (x.type != y.type)
                    throwError("T2007", "Type mismatch within order-by clause. All values must be "
                                        "of the same type", n.position);
                bool lt = x.isNumber() ? x.number < y.number : x.string() < y.string();
                bool eq = x.isNumber() ? x.number == y.number : x.string() == y.string();
                if (eq)
                    continue;
                comp = lt ? -1 : 1;
                if (n.sortTerms[t].descending)
                    comp = -comp;
            }
            return comp < 0;
        }
        return false;
    };
    std::stable_sort(order.begin(), order.end(), compare);
    Value result = Value::sequence();
    result.array()->tupleStream = tuples;
    for (std::size_t i : order)
        result.push(input.at(i));
    return result;
}

} // namespace stepwise::jsonata
