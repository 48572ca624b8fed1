// Operators and constructors (JSONata docs "Numeric operators", "Comparison operators",
// "Boolean operators", "Other operators" (&, .., in), "Array constructors", "Object constructors").
#include "core/jsonata/Evaluator.h"

#include <cmath>

namespace stepwise::jsonata {

Value appendValues(const Value &a, const Value &b)
{
    if (a.isUndefined())
        return b;
    if (b.isUndefined())
        return a;
    Value out = Value::newArray();
    auto add = [&](const Value &v) {
        if (v.isArray())
            for (const auto &e : v.array()->items)
                out.push(e);
        else
            out.push(v);
    };
    add(a);
    add(b);
    return out;
}

Value deepClone(const Value &v)
{
    if (v.isArray()) {
        Value out = Value::newArray();
        *out.array() = *v.array();
        for (auto &e : out.array()->items)
            e = deepClone(e);
        return out;
    }
    if (v.isObject()) {
        Value out = Value::newObject();
        for (const auto &[k, e] : v.object()->entries)
            out.object()->append(k, deepClone(e));
        return out;
    }
    return v;
}

namespace {

Value arithmetic(const Node &n, const Value &l, const Value &r)
{
    if (!l.isUndefined() && !l.isNumber())
        throwError("T2001", "The left side of the " + n.value +
                                " operator must evaluate to a number", n.position, n.value);
    if (!r.isUndefined() && !r.isNumber())
        throwError("T2002", "The right side of the " + n.value +
                                " operator must evaluate to a number", n.position, n.value);
    if (l.isUndefined() || r.isUndefined())
        return Value();
    double a = l.number, b = r.number, res = 0;
    switch (n.value[0]) {
    case '+': res = a + b; break;
    case '-': res = a - b; break;
    case '*': res = a * b; break;
    case '/': res = a / b; break;
    default: res = std::fmod(a, b); break;
    }
    if (!std::isfinite(res))
        throwError("D1001", "Number out of range", n.position);
    return Value::num(res);
}

Value ordering(const Node &n, const Value &l, const Value &r)
{
    auto comparable = [](const Value &v) {
        return v.isUndefined() || v.isString() || v.isNumber();
    };
    if (!comparable(l) || !comparable(r))
        throwError("T2010", "The expressions either side of operator \"" + n.value +
                                "\" must evaluate to numeric or string values", n.position, n.value);
    if (l.isUndefined() || r.isUndefined())
        return Value();
    if (l.type != r.type)
        throwError("T2009", "The values either side of the operator " + n.value +
                                " must be of the same data type", n.position, n.value);
    int c = l.isNumber() ? (l.number < r.number ? -1 : (l.number > r.number ? 1 : 0))
                         : l.string().compare(r.string());
    const std::string &op = n.value;
    bool res = op == "<" ? c < 0 : op == "<=" ? c <= 0 : op == ">" ? c > 0 : c >= 0;
    return Value::boolValue(res);
}

std::string toStr(const Value &v)
{
    if (v.isUndefined())
        return "";
    if (v.isString())
        return v.string();
    if (v.isNumber() && !std::isfinite(v.number))
        throwError("D3001", "Attempting to invoke string function on Infinity or NaN");
    return stringify(v, false);
}

template<typename Tick>
Value range(const Node &n, const Value &l, const Value &r, Tick tick)
{
    if (!l.isUndefined() && (!l.isNumber() || std::floor(l.number) != l.number))
        throwError("T2003", "The left side of the range operator (..) must evaluate to an integer",
                   n.position);
    if (!r.isUndefined() && (!r.isNumber() || std::floor(r.number) != r.number))
        throwError("T2004", "The right side of the range operator (..) must evaluate to an integer",
                   n.position);
    if (l.isUndefined() || r.isUndefined() || l.number > r.number)
        return Value();
    if (r.number - l.number >= 1e7)
        throwError("D2014", "The size of the sequence allocated by the range operator (..) must "
                            "not exceed 1e7", n.position);
    Value out = Value::newArray();
    out.array()->items.reserve(static_cast<std::size_t>(r.number - l.number + 1));
    std::vector<Value> &items = out.array()->items;
    for (double d = l.number; d <= r.number; d += 1) {
        items.push_back(Value::num(d));
        tick();
    }
    return out;
}

} // namespace

Value Evaluator::evalBinary(const Node &n, const Value &input, const FramePtr &env)
{
    if (n.kind == NodeKind::Negate) {
        Value v = evaluate(*n.lhs, input, env);
        if (v.isUndefined())
            return v;
        if (!v.isNumber())
            throwError("D1002", "Cannot negate a non-numeric value: " + stringify(v, false),
                       n.position, "-");
        return Value::num(-v.number);
    }
    if (n.kind == NodeKind::ArrayCons) {
        Value out = Value::newArray();
        for (const auto &c : n.children) {
            Value v = evaluate(*c, input, env);
            if (v.isUndefined())
                continue;
            if (c->kind == NodeKind::ArrayCons || !v.isArray()) {
                out.push(v);
            } else if (out.size() == 0 && v.isUnshared()) {
                out.array()->items = std::move(v.array()->items); // a range: no second copy
            } else {
                for (const auto &e : v.array()->items) {
                    out.push(e);
                    tick(c->position);
                }
            }
        }
        out.array()->cons = n.consArray;
        return out;
    }
    if (n.kind == NodeKind::ObjectCons)
        return evalGroup(n.pairs, input, env);
    const std::string &op = n.value;
    if (op == "and" || op == "or") {
        bool l = isTruthy(evaluate(*n.lhs, input, env));
        if (op == "and" && !l)
            return Value::boolValue(false);
        if (op == "or" && l)
            return Value::boolValue(true);
        return Value::boolValue(isTruthy(evaluate(*n.rhs, input, env)));
    }
    Value l = evaluate(*n.lhs, input, env);
    Value r = evaluate(*n.rhs, input, env);
    if (op == "+" || op == "-" || op == "*" || op == "/" || op == "%")
        return arithmetic(n, l, r);
    if (op == "=" || op == "!=") {
        if (l.isUndefined() || r.isUndefined())
            return Value::boolValue(false);
        bool eq = deepEqual(l, r);
        return Value::boolValue(op == "=" ? eq : !eq);
    }
    if (op == "<" || op == "<=" || op == ">" || op == ">=")
        return ordering(n, l, r);
    if (op == "&")
        return Value::str(toStr(l) + toStr(r));
    if (op == "..")
        return range(n, l, r, [this, &n] { tick(n.position); });
    if (op == "in") {
        if (l.isUndefined() || r.isUndefined())
            return Value::boolValue(false);
        if (!r.isArray())
            return Value::boolValue(deepEqual(l, r));
        for (const auto &e : r.array()->items)
            if (deepEqual(l, e))
                return Value::boolValue(true);
        return Value::boolValue(false);
    }
    throwError("S0201", "Syntax error: " + op, n.position, op);
}

} // namespace stepwise::jsonata
