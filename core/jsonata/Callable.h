#pragma once
// Function values: lambdas (closures), native built-ins, partial applications and regexes.
#include "core/jsonata/Ast.h"
#include "core/jsonata/Value.h"

#include <functional>
#include <memory>
#include <optional>
#include "core/jsonata/Regex.h"
#include <string>
#include <unordered_map>
#include <vector>

namespace stepwise::jsonata {

class Evaluator;

// Variable bindings; each block and lambda call opens a child frame.
struct Frame
{
    std::unordered_map<std::string, Value> vars;
    std::shared_ptr<Frame> parent;

    const Value *lookup(const std::string &name) const
    {
        for (const Frame *f = this; f; f = f->parent.get()) {
            auto it = f->vars.find(name);
            if (it != f->vars.end())
                return &it->second;
        }
        return nullptr;
    }
};
using FramePtr = std::shared_ptr<Frame>;

// A native function receives validated arguments and the context value.
using NativeFn = std::function<Value(Evaluator &, std::vector<Value> &, const Value &context)>;

struct Callable
{
    enum class Kind { Lambda, Native, Partial, Regex, Thunk };
    Kind kind = Kind::Native;
    std::string name;
    std::shared_ptr<Signature> signature;

    // Lambda
    NodePtr lambda; // the Lambda node (body in lhs, params)
    FramePtr env;
    Value input;

    // Native
    NativeFn native;
    std::size_t nativeArity = 0;

    // Partial / Thunk
    Value target;
    std::vector<std::optional<Value>> boundArgs;

    // Regex
    std::shared_ptr<const CompiledRegex> regex;
    std::string pattern;
    bool global = false;

    std::size_t arity() const;
};

Value makeNative(std::string name, std::string signature, NativeFn fn);
// A regex literal as a function value, compiled once (the parser keeps it in the node);
// nullopt when the pattern is not a valid ECMAScript regular expression.
std::optional<Value> makeRegexValue(const std::string &pattern, const std::string &flags);

} // namespace stepwise::jsonata
