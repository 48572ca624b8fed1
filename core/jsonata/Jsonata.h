#pragma once
// Public API of the native JSONata engine: compile once, evaluate many times.
#include "core/common/Json.h"
#include "core/common/Result.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stepwise::jsonata {

struct Node;

struct Error
{
    std::string code;
    std::string message;
    std::size_t position = 0;
    std::string token;
};

class Expression
{
public:
    static Result<Expression, Error> compile(std::string_view text);
    const std::string &text() const { return m_text; }
    const std::shared_ptr<Node> &root() const { return m_root; }

private:
    std::string m_text;
    std::shared_ptr<Node> m_root;
};

// A host function: receives its arguments as JSON (nullopt = undefined) and returns a value,
// nullopt for undefined, or an Error.
using HostFunction =
    std::function<Result<std::optional<Json>, Error>(const std::vector<std::optional<Json>> &)>;

struct Bindings
{
    std::map<std::string, Json> variables;
    struct Function
    {
        std::string signature; // JSONata signature such as "<n-n:n>", may be empty
        HostFunction fn;
    };
    std::map<std::string, Function> functions;
    // Random source in [0,1) for $random()/$shuffle/$uuid; std::random_device based if empty.
    std::function<double()> random;
    std::size_t maxDepth = 1500;    // evaluation nesting limit (error U1001 beyond)
    long long timeLimitMs = 5000;   // 0 = unlimited (error U1001 when exceeded)
    // A function as the whole result is an error with code kFunctionResultCode (ASL fields
    // cannot hold one; spec §3.6) instead of the reference implementation's "".
    bool rejectFunctionResult = false;

    void addFunction(const std::string &name, std::string signature, HostFunction fn)
    {
        functions[name] = Function{std::move(signature), std::move(fn)};
    }
};

inline constexpr const char *kFunctionResultCode = "StepwiseFunctionResult";

// Adds the AWS Step Functions extensions ($partition, $range, $hash, $random, $uuid, $parse;
// ASL spec §3.5). $random with a seed follows java.util.Random; unseeded calls use `random`.
void addAwsFunctions(Bindings &bindings, std::function<double()> random = {});

// nullopt = undefined result.
Result<std::optional<Json>, Error> evaluate(const Expression &expr,
                                            const std::optional<Json> &input,
                                            const Bindings &bindings);

// An input and bindings converted to the evaluator's values once, for evaluating several
// expressions against the same data (an ASL state's Arguments, Output and Assign share one
// $states) without converting it again each time. Cheap to copy; evaluations never change it.
class Environment
{
public:
    Environment(const std::optional<Json> &input, const Bindings &bindings);
    struct Data;

private:
    friend Result<std::optional<Json>, Error> evaluate(const Expression &, const Environment &);
    std::shared_ptr<const Data> m_data;
};

Result<std::optional<Json>, Error> evaluate(const Expression &expr, const Environment &env);

} // namespace stepwise::jsonata
