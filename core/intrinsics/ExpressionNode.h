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

// The evaluated arguments of one call. A path argument is read where it lies (in the input, the
// context object or a variable) instead of being copied: States.Hash($.text, ...) or
// States.JsonMerge($.a, $.b, false) on a large input would otherwise copy it per call.
class Args
{
public:
    void reserve(std::size_t count) { m_items.reserve(count); }
    // `value` must outlive the Args (it belongs to the evaluation's input or context).
    void borrow(const Json &value) { m_items.push_back(&value); }
    void own(Json value)
    {
        m_owned.push_back(std::make_unique<Json>(std::move(value)));
        m_items.push_back(m_owned.back().get());
    }
    std::size_t size() const { return m_items.size(); }
    const Json &operator[](std::size_t index) const { return *m_items[index]; }
    const Json &front() const { return *m_items.front(); }

private:
    std::vector<const Json *> m_items;
    std::vector<std::unique_ptr<Json>> m_owned; // computed values: literals' copies, nested calls
};
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
