// fuzz_jsonata: a JSONata expression compiled and evaluated within depth and time bounds.
#include "tests/fuzz/FuzzEntries.h"
#include "tests/fuzz/FuzzSamples.h"

#include "core/jsonata/Jsonata.h"

namespace stepwise::fuzz {

int fuzzJsonata(const std::uint8_t *data, std::size_t size)
{
    auto expression = jsonata::Expression::compile(asText(data, size));
    if (!expression)
        return 0;
    jsonata::Bindings bindings;
    bindings.variables["v"] = Json(1);
    bindings.variables["states"] = Json{{"input", sampleInput()}, {"context", sampleContext()}};
    bindings.random = [] { return 0.5; };
    // Tighter than the product's defaults so one input cannot use up a fuzzer's time slot.
    bindings.maxDepth = 300;
    bindings.timeLimitMs = 500;
    jsonata::addAwsFunctions(bindings, bindings.random);
    (void)jsonata::evaluate(*expression, sampleInput(), bindings);
    return 0;
}

} // namespace stepwise::fuzz
