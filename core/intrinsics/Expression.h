#pragma once
// Intrinsic function calls `States.Name(arg, ...)` (ASL spec §5), parsed once into a tree and
// evaluated many times.
#include "core/common/Json.h"
#include "core/common/Result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace stepwise::intrinsics {

struct ExpressionNode; // the tree, private to the implementation

class Expression
{
public:
    // Checks syntax, that the function exists, and its arity. The error is a human message.
    static Result<Expression, std::string> parse(std::string_view text);

    const std::string &text() const;
    const std::string &functionName() const; // outermost call, e.g. "States.Format"
    const ExpressionNode &root() const;       // the parsed tree; for core/intrinsics internals

    Expression(const Expression &);
    Expression(Expression &&) noexcept;
    Expression &operator=(const Expression &);
    Expression &operator=(Expression &&) noexcept;
    ~Expression();

private:
    Expression();
    std::shared_ptr<const ExpressionNode> m_root; // immutable once parsed, so sharing is safe
    std::string m_text;
};

// True when the text starts like an intrinsic call ("States." followed by a name and "(").
bool looksLikeCall(std::string_view text);

// What an evaluation reads: the template input for `$` paths, the context object for `$$`,
// the visible variables for `$name`, and a random source for UUID / MathRandom without seed.
struct EvalContext
{
    const Json *input = nullptr;
    const Json *context = nullptr;
    const Json *variables = nullptr; // object name → value, may be null
    std::function<std::uint64_t()> random;
};

// The error is AWS's cause text after the state prefix, e.g.
// "Invalid arguments in States.ArrayGetItem" (plus detail where AWS adds some).
Result<Json, std::string> evaluate(const Expression &expression, const EvalContext &context);

} // namespace stepwise::intrinsics
