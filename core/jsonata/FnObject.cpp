// Object functions (JSONata docs "Object functions") and $error/$assert/$type.
#include "core/jsonata/Functions.h"

namespace stepwise::jsonata {

namespace {

Value fnKeys(Evaluator &, Args &a, const Value &)
{
    Value out = Value::sequence();
    auto addKeys = [&](const Value &o) {
        for (const auto &[k, v] : o.object()->entries) {
            bool seen = false;
            for (const auto &e : out.array()->items)
                seen = seen || e.string() == k;
            if (!seen)
                out.push(Value::str(k));
        }
    };
    if (a[0].isArray()) {
        for (const auto &e : a[0].array()->items)
            if (e.isObject())
                addKeys(e);
    } else if (a[0].isObject()) {
        addKeys(a[0]);
    }
    return flattenSequence(out);
}

Value fnLookup(Evaluator &, Args &a, const Value &)
{
    return lookupField(a[0], a[1].string());
}

Value fnSpread(Evaluator &, Args &a, const Value &)
{
    if (a[0].isArray()) {
        Value out = Value::sequence();
        for (const auto &e : a[0].array()->items) {
            if (e.isObject())
                for (const auto &[k, v] : e.object()->entries) {
                    Value o = Value::newObject();
                    o.object()->set(k, v);
                    out.push(o);
                }
            else
                out.push(e);
        }
        return flattenSequence(out);
    }
    if (!a[0].isObject())
        return a[0];
    Value out = Value::sequence();
    for (const auto &[k, v] : a[0].object()->entries) {
        Value o = Value::newObject();
        o.object()->set(k, v);
        out.push(o);
    }
    return flattenSequence(out);
}

Value fnMerge(Evaluator &, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    Value out = Value::newObject();
    for (const auto &o : a[0].array()->items)
        for (const auto &[k, v] : o.object()->entries)
            out.object()->set(k, v);
    return out;
}

Value fnEach(Evaluator &ev, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    Value out = Value::sequence();
    for (const auto &[k, v] : a[0].object()->entries) {
        Value r = ev.applyHof(a[1], v, Value::str(k), a[0]);
        if (!r.isUndefined())
            out.push(r);
    }
    return out;
}

Value fnType(Evaluator &, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    return Value::str(typeName(a[0]));
}

} // namespace

void addObjectFunctions(Frame &f)
{
    define(f, "keys", "<x-:a<s>>", fnKeys);
    define(f, "lookup", "<x-s:x>", fnLookup);
    define(f, "spread", "<x-:a<o>>", fnSpread);
    define(f, "merge", "<a<o>:o>", fnMerge);
    define(f, "each", "<o-f:a>", fnEach);
    define(f, "type", "<x:s>", fnType);
    define(f, "error", "<s?:x>", [](Evaluator &, Args &a, const Value &) -> Value {
        throwError("D3137", a.empty() || a[0].isUndefined()
                                ? std::string("$error() function evaluated")
                                : a[0].string());
    });
    define(f, "assert", "<bs?:x>", [](Evaluator &, Args &a, const Value &) -> Value {
        if (!a[0].boolean)
            throwError("D3141", a.size() > 1 && !a[1].isUndefined()
                                    ? a[1].string()
                                    : std::string("$assert() statement failed"));
        return Value();
    });
}

} // namespace stepwise::jsonata
