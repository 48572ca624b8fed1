// Value helpers: JSON conversion, equality and JavaScript-compatible number/string output
// (JSONata docs "Numeric operators" / $string: numbers print via toPrecision(15)).
#include "core/jsonata/Value.h"

#include "core/jsonata/Callable.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace stepwise::jsonata {

Value Value::null()
{
    Value v;
    v.type = Type::Null;
    return v;
}
Value Value::boolValue(bool b)
{
    Value v;
    v.type = Type::Boolean;
    v.boolean = b;
    return v;
}
Value Value::num(double d)
{
    Value v;
    v.type = Type::Number;
    v.number = d;
    return v;
}
Value Value::str(std::string s)
{
    Value v;
    v.type = Type::String;
    v.m_data = std::make_shared<std::string>(std::move(s));
    return v;
}
Value Value::newArray()
{
    Value v;
    v.type = Type::Array;
    v.m_data = std::make_shared<ArrayData>();
    return v;
}
Value Value::sequence()
{
    Value v = newArray();
    v.array()->sequence = true;
    return v;
}
Value Value::newObject()
{
    Value v;
    v.type = Type::Object;
    v.m_data = std::make_shared<ObjectData>();
    return v;
}
Value Value::functionValue(std::shared_ptr<Callable> c)
{
    Value v;
    v.type = Type::Function;
    v.m_data = std::move(c);
    return v;
}
const std::string &Value::string() const
{
    static const std::string empty;
    return isString() ? *static_cast<const std::string *>(m_data.get()) : empty;
}
// Most objects are small: they are searched linearly, and the hash index exists only once an
// object grows past kIndexThreshold entries (building it for every small object cost more than
// the searches it saved).
constexpr std::size_t kIndexThreshold = 8;

const Value *ObjectData::find(const std::string &key) const
{
    if (index.empty()) {
        for (const auto &entry : entries)
            if (entry.first == key)
                return &entry.second;
        return nullptr;
    }
    auto it = index.find(key);
    return it == index.end() ? nullptr : &entries[it->second].second;
}

void ObjectData::set(const std::string &key, Value v)
{
    origin.json = nullptr;
    if (index.empty()) {
        for (auto &entry : entries)
            if (entry.first == key) {
                entry.second = std::move(v);
                return;
            }
        entries.emplace_back(key, std::move(v));
        if (entries.size() > kIndexThreshold)
            for (std::size_t i = 0; i < entries.size(); ++i)
                index.emplace(entries[i].first, i);
        return;
    }
    auto it = index.find(key);
    if (it != index.end()) {
        entries[it->second].second = std::move(v);
        return;
    }
    index.emplace(key, entries.size());
    entries.emplace_back(key, std::move(v));
}

void ObjectData::append(const std::string &key, Value v)
{
    origin.json = nullptr;
    if (!index.empty())
        index.emplace(key, entries.size());
    entries.emplace_back(key, std::move(v));
    if (index.empty() && entries.size() > kIndexThreshold)
        for (std::size_t i = 0; i < entries.size(); ++i)
            index.emplace(entries[i].first, i);
}

void ObjectData::erase(const std::string &key)
{
    origin.json = nullptr;
    auto it = std::find_if(entries.begin(), entries.end(),
                           [&key](const auto &entry) { return entry.first == key; });
    if (it == entries.end())
        return;
    entries.erase(it);
    index.clear();
    if (entries.size() > kIndexThreshold)
        for (std::size_t i = 0; i < entries.size(); ++i)
            index.emplace(entries[i].first, i);
}

namespace {

// Whether toJson gives back exactly this number: integral doubles become integers, and integers
// beyond 2^53 lose digits as doubles.
bool numberRoundTrips(const Json &j)
{
    if (j.is_number_float()) {
        const double d = j.get<double>();
        return std::isfinite(d) && !(std::floor(d) == d && std::fabs(d) < 9007199254740992.0);
    }
    const double d = j.get<double>();
    return std::fabs(d) < 9007199254740992.0;
}

Value convert(const Json &j, bool keepOrigin, bool &roundTrips)
{
    switch (j.type()) {
    case Json::value_t::null: return Value::null();
    case Json::value_t::boolean: return Value::boolValue(j.get<bool>());
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        roundTrips = roundTrips && numberRoundTrips(j);
        return Value::num(j.get<double>());
    case Json::value_t::string: return Value::str(j.get<std::string>());
    case Json::value_t::array: {
        Value a = Value::newArray();
        a.array()->items.reserve(j.size());
        bool inner = true;
        for (const auto &e : j)
            a.push(convert(e, keepOrigin, inner));
        if (keepOrigin && inner)
            a.array()->origin.json = &j;
        roundTrips = roundTrips && inner;
        return a;
    }
    case Json::value_t::object: {
        Value o = Value::newObject();
        o.object()->entries.reserve(j.size());
        bool inner = true;
        for (auto it = j.begin(); it != j.end(); ++it)
            o.object()->append(it.key(), convert(it.value(), keepOrigin, inner));
        if (keepOrigin && inner)
            o.object()->origin.json = &j;
        roundTrips = roundTrips && inner;
        return o;
    }
    default: roundTrips = false; return Value();
    }
}

} // namespace

Value fromJson(const Json &j)
{
    bool roundTrips = true;
    return convert(j, false, roundTrips);
}

Value fromJsonKeepingOrigin(const Json &j)
{
    bool roundTrips = true;
    return convert(j, true, roundTrips);
}

static Json numberToJson(double d)
{
    if (!std::isfinite(d))
        return Json(nullptr);
    if (std::floor(d) == d && std::fabs(d) < 9007199254740992.0)
        return Json(static_cast<int64_t>(d));
    return Json(d);
}

std::optional<Json> toJson(const Value &v)
{
    switch (v.type) {
    case Type::Undefined: return std::nullopt;
    case Type::Null: return Json(nullptr);
    case Type::Boolean: return Json(v.boolean);
    case Type::Number: return numberToJson(v.number);
    case Type::String: return Json(v.string());
    case Type::Function: return Json("");
    case Type::Array: {
        if (v.array()->origin.json)
            return *v.array()->origin.json;
        Json a = Json::array();
        a.get_ref<Json::array_t &>().reserve(v.array()->items.size());
        for (const auto &e : v.array()->items) {
            auto j = toJson(e);
            if (j)
                a.push_back(std::move(*j));
        }
        return a;
    }
    case Type::Object: {
        if (v.object()->origin.json)
            return *v.object()->origin.json;
        // Keys are unique already: append instead of the ordered map's linear lookup.
        Json o = Json::object();
        auto &members = o.get_ref<Json::object_t &>();
        members.reserve(v.object()->entries.size());
        for (const auto &[k, e] : v.object()->entries) {
            auto j = toJson(e);
            if (j)
                members.emplace_back(k, std::move(*j));
        }
        return o;
    }
    }
    return std::nullopt;
}

bool deepEqual(const Value &a, const Value &b)
{
    if (a.type != b.type)
        return false;
    switch (a.type) {
    case Type::Undefined:
    case Type::Null: return true;
    case Type::Boolean: return a.boolean == b.boolean;
    case Type::Number: return a.number == b.number;
    case Type::String: return a.string() == b.string();
    case Type::Function: return a.function() == b.function();
    case Type::Array:
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!deepEqual(a.at(i), b.at(i)))
                return false;
        return true;
    case Type::Object:
        if (a.object()->entries.size() != b.object()->entries.size())
            return false;
        for (const auto &[k, e] : a.object()->entries) {
            const Value *o = b.object()->find(k);
            if (!o || !deepEqual(e, *o))
                return false;
        }
        return true;
    }
    return false;
}

// JSONata $boolean: arrays are true when any member is true; empty string/array/object false.
bool isTruthy(const Value &v)
{
    switch (v.type) {
    case Type::Undefined:
    case Type::Null: return false;
    case Type::Boolean: return v.boolean;
    case Type::Number: return v.number != 0.0;
    case Type::String: return !v.string().empty();
    case Type::Function: return false;
    case Type::Object: return !v.object()->entries.empty();
    case Type::Array:
        for (const auto &e : v.array()->items)
            if (isTruthy(e))
                return true;
        return false;
    }
    return false;
}

// ECMAScript Number::toString(10) layout from the shortest round-trip digits.
std::string formatJsNumber(double d)
{
    if (std::isnan(d))
        return "NaN";
    if (std::isinf(d))
        return d < 0 ? "-Infinity" : "Infinity";
    if (d == 0.0)
        return "0";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    std::string sign;
    if (sci[0] == '-') {
        sign = "-";
        sci.erase(0, 1);
    }
    auto ePos = sci.find('e');
    std::string digits;
    for (std::size_t i = 0; i < ePos; ++i)
        if (sci[i] != '.')
            digits += sci[i];
    int exp = std::atoi(sci.c_str() + ePos + 1);
    int n = exp + 1;
    int k = static_cast<int>(digits.size());
    std::string out;
    if (k <= n && n <= 21) {
        out = digits + std::string(static_cast<std::size_t>(n - k), '0');
    } else if (0 < n && n <= 21) {
        out = digits.substr(0, static_cast<std::size_t>(n)) + "." +
              digits.substr(static_cast<std::size_t>(n));
    } else if (-6 < n && n <= 0) {
        out = "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
    } else {
        out = digits.substr(0, 1);
        if (k > 1)
            out += "." + digits.substr(1);
        out += (n - 1 >= 0 ? "e+" : "e-") + std::to_string(std::abs(n - 1));
    }
    return sign + out;
}

std::string formatNumber15(double d)
{
    if (!std::isfinite(d) || (std::floor(d) == d && std::fabs(d) < 9007199254740992.0))
        return formatJsNumber(d);
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific, 14);
    std::string s(buf, res.ptr);
    return formatJsNumber(std::strtod(s.c_str(), nullptr));
}

static void quoteString(std::string &out, const std::string &s)
{
    out += '"';
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char hex[8];
                std::snprintf(hex, sizeof hex, "\\u%04x", static_cast<unsigned>(c));
                out += hex;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

static void stringifyInto(std::string &out, const Value &v, bool pretty, int depth)
{
    auto newline = [&](int level) {
        if (pretty)
            out += "\n" + std::string(static_cast<std::size_t>(level * 2), ' ');
    };
    switch (v.type) {
    case Type::Undefined:
    case Type::Null: out += "null"; return;
    case Type::Boolean: out += v.boolean ? "true" : "false"; return;
    case Type::Number:
        out += std::isfinite(v.number) ? formatNumber15(v.number) : "null";
        return;
    case Type::String: quoteString(out, v.string()); return;
    case Type::Function: out += "\"\""; return;
    case Type::Array: {
        if (v.size() == 0) {
            out += "[]";
            return;
        }
        out += '[';
        bool first = true;
        for (const auto &e : v.array()->items) {
            if (!first)
                out += ',';
            first = false;
            newline(depth + 1);
            stringifyInto(out, e, pretty, depth + 1);
        }
        newline(depth);
        out += ']';
        return;
    }
    case Type::Object: {
        bool first = true;
        out += '{';
        for (const auto &[k, e] : v.object()->entries) {
            if (e.isUndefined())
                continue;
            if (!first)
                out += ',';
            first = false;
            newline(depth + 1);
            quoteString(out, k);
            out += pretty ? ": " : ":";
            stringifyInto(out, e, pretty, depth + 1);
        }
        if (!first)
            newline(depth);
        out += '}';
        return;
    }
    }
}

std::string stringify(const Value &v, bool pretty)
{
    std::string out;
    stringifyInto(out, v, pretty, 0);
    return out;
}

std::string typeName(const Value &v)
{
    switch (v.type) {
    case Type::Undefined: return "undefined";
    case Type::Null: return "null";
    case Type::Boolean: return "boolean";
    case Type::Number: return "number";
    case Type::String: return "string";
    case Type::Array: return "array";
    case Type::Object: return "object";
    case Type::Function: return "function";
    }
    return "undefined";
}

bool isArrayOfNumbers(const Value &v)
{
    if (!v.isArray())
        return false;
    for (const auto &e : v.array()->items)
        if (!e.isNumber())
            return false;
    return true;
}

bool isArrayOfStrings(const Value &v)
{
    if (!v.isArray())
        return false;
    for (const auto &e : v.array()->items)
        if (!e.isString())
            return false;
    return true;
}

Value flattenSequence(const Value &v)
{
    if (!v.isSequence() || v.array()->tupleStream)
        return v;
    if (v.size() == 0)
        return Value();
    if (v.size() == 1 && !v.array()->keepSingleton)
        return v.at(0);
    return v;
}

} // namespace stepwise::jsonata
