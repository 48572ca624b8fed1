// Higher-order functions (JSONata docs "Higher order functions"): $map, $filter, $single,
// $reduce, $sift.
#include "core/jsonata/Functions.h"

namespace stepwise::jsonata {

namespace {

Value fnMap(Evaluator &ev, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    Value out = Value::sequence();
    for (std::size_t i = 0; i < a[0].size(); ++i) {
        Value r = ev.applyHof(a[1], a[0].at(i), Value::num(static_cast<double>(i)), a[0]);
        if (!r.isUndefined())
            out.push(r);
    }
    return out;
}

Value fnFilter(Evaluator &ev, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    Value out = Value::sequence();
    for (std::size_t i = 0; i < a[0].size(); ++i)
        if (isTruthy(ev.applyHof(a[1], a[0].at(i), Value::num(static_cast<double>(i)), a[0])))
            out.push(a[0].at(i));
    return out;
}

Value fnSingle(Evaluator &ev, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    bool found = false;
    Value result;
    for (std::size_t i = 0; i < a[0].size(); ++i) {
        bool match = a.size() < 2 || a[1].isUndefined() ||
                     isTruthy(ev.applyHof(a[1], a[0].at(i), Value::num(static_cast<double>(i)),
                                          a[0]));
        if (!match)
            continue;
        if (found)
            throwError("D3138", "The $single() function expected exactly 1 matching result.  "
                                "Instead it matched more.");
        found = true;
        result = a[0].at(i);
    }
    if (!found)
        throwError("D3139", "The $single() function expected exactly 1 matching result.  Instead "
                            "it matched 0.");
    return result;
}

Value fnReduce(Evaluator &ev, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    // An undefined function argument passes the signature check (undefined matches any type).
    if (!a[1].isFunction() || a[1].function()->arity() < 2)
        throwError("D3050", "The second argument of reduce function must be a function with at "
                            "least two arguments");
    std::size_t start = 0;
    Value acc;
    if (a.size() > 2 && !a[2].isUndefined()) {
        acc = a[2];
    } else if (a[0].size() > 0) {
        acc = a[0].at(0);
        start = 1;
    }
    for (std::size_t i = start; i < a[0].size(); ++i) {
        std::vector<Value> args{acc, a[0].at(i)};
        std::size_t arity = a[1].function()->arity();
        if (arity >= 3)
            args.push_back(Value::num(static_cast<double>(i)));
        if (arity >= 4)
            args.push_back(a[0]);
        acc = ev.apply(a[1], std::move(args), Value());
    }
    return acc;
}

Value fnSift(Evaluator &ev, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    Value out = Value::newObject();
    for (const auto &[k, v] : a[0].object()->entries)
        if (isTruthy(ev.applyHof(a[1], v, Value::str(k), a[0])))
            out.object()->set(k, v);
    if (out.object()->entries.empty())
        return Value();
    return out;
}

} // namespace

void addHigherOrderFunctions(Frame &f)
{
    define(f, "map", "<af>", fnMap);
    define(f, "filter", "<af>", fnFilter);
    define(f, "single", "<af?>", fnSingle);
    define(f, "reduce", "<afj?:j>", fnReduce);
    define(f, "sift", "<o-f?:o>", fnSift);
}

} // namespace stepwise::jsonata
