// Array functions (JSONata docs "Array functions").
#include "core/jsonata/Functions.h"

#include <algorithm>
#include <cmath>

namespace stepwise::jsonata {

namespace {

Value fnAppend(Evaluator &, Args &a, const Value &)
{
    return appendValues(a[0], a.size() > 1 ? a[1] : Value());
}

Value fnReverse(Evaluator &, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    Value out = Value::newArray();
    out.array()->items.assign(a[0].array()->items.rbegin(), a[0].array()->items.rend());
    return out;
}

Value fnSort(Evaluator &ev, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    std::vector<Value> items = a[0].array()->items;
    if (items.size() <= 1)
        return a[0];
    Value comparator = a.size() > 1 ? a[1] : Value();
    if (comparator.isUndefined()) {
        bool numbers = isArrayOfNumbers(a[0]), strings = isArrayOfStrings(a[0]);
        if (!numbers && !strings)
            throwError("D3070", "The single argument form of the sort function can only be "
                                "applied to an array of strings or an array of numbers");
        std::stable_sort(items.begin(), items.end(), [&](const Value &x, const Value &y) {
            return numbers ? x.number < y.number : x.string() < y.string();
        });
    } else {
        // Merge sort driven by the user comparator ("swap if true" semantics).
        std::stable_sort(items.begin(), items.end(), [&](const Value &x, const Value &y) {
            return isTruthy(ev.apply(comparator, {y, x}, Value()));
        });
    }
    Value out = Value::newArray();
    out.array()->items = std::move(items);
    return out;
}

Value fnShuffle(Evaluator &ev, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    Value out = Value::newArray();
    out.array()->items = a[0].array()->items;
    auto &v = out.array()->items;
    for (std::size_t i = v.size(); i > 1; --i) {
        auto j = static_cast<std::size_t>(std::floor(ev.random() * static_cast<double>(i)));
        std::swap(v[i - 1], v[std::min(j, i - 1)]);
    }
    return out;
}

Value fnDistinct(Evaluator &, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    if (!a[0].isArray() || a[0].size() <= 1)
        return a[0];
    Value out = a[0].isSequence() ? Value::sequence() : Value::newArray();
    for (const auto &e : a[0].array()->items) {
        bool seen = false;
        for (const auto &o : out.array()->items)
            if (deepEqual(e, o)) {
                seen = true;
                break;
            }
        if (!seen)
            out.push(e);
    }
    return out;
}

Value fnZip(Evaluator &, Args &a, const Value &)
{
    Value out = Value::newArray();
    if (a.empty())
        return out;
    std::size_t n = SIZE_MAX;
    for (const auto &arr : a)
        n = std::min(n, arr.isUndefined() ? 0 : arr.size());
    for (std::size_t i = 0; i < n; ++i) {
        Value tuple = Value::newArray();
        for (const auto &arr : a)
            tuple.push(arr.at(i));
        out.push(tuple);
    }
    return out;
}

} // namespace

void addArrayFunctions(Frame &f)
{
    define(f, "append", "<xx:a>", fnAppend);
    define(f, "reverse", "<a:a>", fnReverse);
    define(f, "sort", "<af?:a>", fnSort);
    define(f, "shuffle", "<a:a>", fnShuffle);
    define(f, "distinct", "<x:x>", fnDistinct);
    define(f, "zip", "<a+>", fnZip);
}

} // namespace stepwise::jsonata
