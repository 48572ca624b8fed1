#pragma once
// Runtime values of the JSONata evaluator: JSON values plus undefined, functions and the
// sequence flags JSONata attaches to arrays (docs: "Sequences" and "Path operators").
#include "core/common/Json.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace stepwise::jsonata {

struct Value;
struct ArrayData;
struct ObjectData;
struct Callable;

enum class Type : unsigned char { Undefined, Null, Boolean, Number, String, Array, Object, Function };

// Internal evaluation failure; converted to jsonata::Error at the public boundary.
struct EvalError
{
    std::string code;
    std::string message;
    std::size_t position = 0;
    std::string token;
    std::optional<Json> value;
};

// One pointer-sized payload (a string, array, object or function, by `type`) besides the scalar
// fields: a value is 32 bytes, so copies are cheap and a 1e7-item range stays well under 1 GB.
struct Value
{
    Type type = Type::Undefined;
    bool boolean = false;
    double number = 0.0;

    static Value null();
    static Value boolValue(bool b);
    static Value num(double d);
    static Value str(std::string s);
    static Value newArray();
    static Value sequence();
    static Value newObject();
    static Value functionValue(std::shared_ptr<Callable> c);

    bool isUndefined() const { return type == Type::Undefined; }
    bool isArray() const { return type == Type::Array; }
    bool isObject() const { return type == Type::Object; }
    bool isNumber() const { return type == Type::Number; }
    bool isString() const { return type == Type::String; }
    bool isFunction() const { return type == Type::Function; }
    bool isSequence() const;
    std::size_t size() const;
    const Value &at(std::size_t i) const;
    void push(Value v) const;

    // The payload for its type; the empty string / null for any other type.
    const std::string &string() const;
    ArrayData *array() const { return isArray() ? static_cast<ArrayData *>(m_data.get()) : nullptr; }
    ObjectData *object() const
    {
        return isObject() ? static_cast<ObjectData *>(m_data.get()) : nullptr;
    }
    Callable *function() const
    {
        return isFunction() ? static_cast<Callable *>(m_data.get()) : nullptr;
    }
    std::shared_ptr<Callable> functionPtr() const
    {
        return isFunction() ? std::static_pointer_cast<Callable>(m_data) : nullptr;
    }
    // No other value holds this payload: its items may be moved out instead of copied.
    bool isUnshared() const { return m_data.use_count() == 1; }

private:
    std::shared_ptr<void> m_data;
};

// The JSON a value was converted from, when converting it back gives the same JSON: toJson then
// copies that instead of rebuilding it value by value (an ASL Output that passes most of
// $states.input through). A copy of the data is a new value and forgets the origin.
struct JsonOrigin
{
    const Json *json = nullptr;
    JsonOrigin() = default;
    JsonOrigin(const JsonOrigin &) {}
    JsonOrigin &operator=(const JsonOrigin &) { json = nullptr; return *this; }
};

struct ArrayData
{
    std::vector<Value> items;
    JsonOrigin origin;
    bool sequence = false;
    bool keepSingleton = false;
    bool cons = false;
    bool outerWrapper = false;
    bool tupleStream = false;
};

struct ObjectData
{
    std::vector<std::pair<std::string, Value>> entries;
    std::unordered_map<std::string, std::size_t> index;
    JsonOrigin origin;

    const Value *find(const std::string &key) const;
    void set(const std::string &key, Value v);
    void append(const std::string &key, Value v); // a key the object does not have yet
    void erase(const std::string &key);
};

inline bool Value::isSequence() const { return isArray() && array()->sequence; }
inline std::size_t Value::size() const { return isArray() ? array()->items.size() : 0; }
inline const Value &Value::at(std::size_t i) const { return array()->items[i]; }
inline void Value::push(Value v) const
{
    ArrayData *a = array();
    a->origin.json = nullptr;
    a->items.push_back(std::move(v));
}

Value fromJson(const Json &j);
// As fromJson, remembering `j`'s arrays and objects as their origin: only for JSON that outlives
// every value made from it (an Environment's input and variables).
Value fromJsonKeepingOrigin(const Json &j);
// Throws EvalError D1001-style codes are not needed here: non-finite numbers become null.
std::optional<Json> toJson(const Value &v);
bool deepEqual(const Value &a, const Value &b);
bool isTruthy(const Value &v); // JSONata $boolean semantics
std::string formatJsNumber(double d);   // Number.prototype.toString
std::string formatNumber15(double d);   // Number(d.toPrecision(15)).toString()
std::string stringify(const Value &v, bool pretty); // $string of a non-string value
std::string typeName(const Value &v);
bool isArrayOfNumbers(const Value &v);
bool isArrayOfStrings(const Value &v);
Value flattenSequence(const Value &v); // undefined / singleton unwrapping of a sequence

} // namespace stepwise::jsonata
