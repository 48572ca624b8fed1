// fuzz_intrinsics: an intrinsic call parsed and evaluated against fixed data.
#include "tests/fuzz/FuzzEntries.h"
#include "tests/fuzz/FuzzSamples.h"

#include "core/intrinsics/Expression.h"

#include <cstdint>

namespace stepwise::fuzz {

int fuzzIntrinsics(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text = asText(data, size);
    (void)intrinsics::looksLikeCall(text);
    auto expression = intrinsics::Expression::parse(text);
    if (!expression)
        return 0;
    intrinsics::EvalContext context;
    context.input = &sampleInput();
    context.context = &sampleContext();
    context.variables = &sampleVariables();
    std::uint64_t state = 0x9E3779B97F4A7C15ull; // fixed sequence: runs are reproducible
    context.random = [&state] { return state = state * 6364136223846793005ull + 1442695040888963407ull; };
    (void)intrinsics::evaluate(*expression, context);
    return 0;
}

} // namespace stepwise::fuzz
