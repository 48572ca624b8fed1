// The intrinsic function table: names and arities (ASL spec §5.3).
#include "core/intrinsics/ExpressionNode.h"

#include <array>
#include <cmath>

namespace stepwise::intrinsics {

const FunctionSpec *findFunction(std::string_view name)
{
    static const std::array<FunctionSpec, 18> table = {{
        {"States.Format", 1, kAnyCount, fnFormat},
        {"States.StringToJson", 1, 1, fnStringToJson},
        {"States.JsonToString", 1, 1, fnJsonToString},
        {"States.Array", 0, kAnyCount, fnArray},
        {"States.ArrayPartition", 2, 2, fnArrayPartition},
        {"States.ArrayContains", 2, 2, fnArrayContains},
        {"States.ArrayRange", 3, 3, fnArrayRange},
        {"States.ArrayGetItem", 2, 2, fnArrayGetItem},
        {"States.ArrayLength", 1, 1, fnArrayLength},
        {"States.ArrayUnique", 1, 1, fnArrayUnique},
        {"States.Base64Encode", 1, 1, fnBase64Encode},
        {"States.Base64Decode", 1, 1, fnBase64Decode},
        {"States.Hash", 2, 2, fnHash},
        {"States.JsonMerge", 3, 3, fnJsonMerge},
        {"States.MathRandom", 2, 3, fnMathRandom},
        {"States.MathAdd", 2, 2, fnMathAdd},
        {"States.StringSplit", 2, 2, fnStringSplit},
        {"States.UUID", 0, 0, fnUuid},
    }};
    for (const auto &spec : table) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

std::string invalidArguments(const ExpressionNode &call)
{
    return "Invalid arguments in " + std::string(call.function->name);
}

std::optional<std::int64_t> truncatedInteger(const Json &value)
{
    if (value.is_number_integer())
        return value.get<std::int64_t>();
    if (!value.is_number_float())
        return std::nullopt;
    double real = std::trunc(value.get<double>());
    if (!(real >= -9.2e18 && real <= 9.2e18))
        return std::nullopt;
    return static_cast<std::int64_t>(real);
}

} // namespace stepwise::intrinsics
