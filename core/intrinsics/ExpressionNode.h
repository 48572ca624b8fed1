#pragma once
// The parsed tree of an intrinsic call and the function table (ASL spec §5). Private to
// core/intrinsics.
#include "core/common/Json.h"
#include "core/intrinsics/Expression.h"
#include "core/jsonpath/Path.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stepwise::intrinsics {

using Args = std::vector<Json>;
using FunctionImpl = Result<Json, std::string> (*)(const Args &args, const EvalContext &context,
                                                   const ExpressionNode &call);

struct FunctionSpec
{
    std::string_view name; // "States.Format"
    std::size_t minArgs = 0;
    std::size_t maxArgs = 0; // kAnyCount for variadic functions
    FunctionImpl impl = nullptr;
};

inline constexpr std::size_t kAnyCount = static_cast<std::size_t>(-1);

const FunctionSpec *findFunction(std::string_view name);

struct ExpressionNode
{
    enum class Kind { Literal, Path, Call };
    Kind kind = Kind::Literal;
    Json literal;                           // Literal
    std::string rawString;                  // Literal string as written, escapes kept (Format)
    std::optional<jsonpath::Path> path;     // Path
    const FunctionSpec *function = nullptr; // Call
    std::string name;                       // Call: "States.Format"
    std::vector<ExpressionNode> args;       // Call
};

// The message every argument failure carries (§5.2).
std::string invalidArguments(const ExpressionNode &call);

// A number truncated toward zero (§5.3: integer arguments), nullopt for non-numbers.
std::optional<std::int64_t> truncatedInteger(const Json &value);

// Function implementations, grouped by file.
Result<Json, std::string> fnFormat(const Args &, const EvalContext &, const ExpressionNode &);
Result<Json, std::string> fnStringToJson(const Args &, const EvalContext &, const ExpressionNode &);
Result<Json, std::string> fnJsonToString(const Args &, const EvalContext &, const ExpressionNode &);
Result<Json, std::string> fnStringSplit(const Args &, const EvalContext &, const ExpressionNode &);
Result<Json, std::string> fnBase64Encode(const Args &, const EvalContext &, const ExpressionNode &);
Result<Json, std::string> fnBase64Decode(const Args &, const EvalContext &, const ExpressionNode &);
Result<Json, std::string> fnHash(const Args &, const EvalContext &, const ExpressionNode &);
Result<Json, std::string> fnArray(const Args &, const EvalContext &, const ExpressionNode &);
Result<Json, std::string> fnArrayPartition(const Args &, const EvalContext &,
                                           const ExpressionNode &);
Result<Json, std::string> fnArrayContains(const Args &, const EvalContext &,
                                          const ExpressionNode &);
Result<Json, std::string> fnArrayRange(const Args &, const EvalContext &, const ExpressionNode &);
Result<Json, std::string> fnArrayGetItem(const Args &, const EvalContext &, const ExpressionNode &);
Result<Json, std::string> fnArrayLength(const Args &, const EvalContext &, const ExpressionNode &);
Result<Json, std::string> fnArrayUnique(const Args &, const EvalContext &, const ExpressionNode &);
Result<Json, std::string> fnJsonMerge(const Args &, const EvalContext &, const ExpressionNode &);
Result<Json, std::string> fnMathRandom(const Args &, const EvalContext &, const ExpressionNode &);
Result<Json, std::string> fnMathAdd(const Args &, const EvalContext &, const ExpressionNode &);
Result<Json, std::string> fnUuid(const Args &, const EvalContext &, const ExpressionNode &);

} // namespace stepwise::intrinsics
