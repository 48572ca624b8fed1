// fuzz_handlers_config: a mock config (first byte even) or a bindings file (odd).
#include "tests/fuzz/FuzzEntries.h"
#include "tests/fuzz/FuzzSamples.h"

#include "core/engine/handlers/LocalBindings.h"
#include "core/engine/handlers/MockConfig.h"

#include <string>

namespace stepwise::fuzz {

int fuzzHandlersConfig(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::string_view text = asText(data + 1, size - 1);
    if (data[0] % 2 == 0) {
        auto config = engine::MockConfig::parse(text);
        if (!config)
            return 0;
        for (const std::string &machine : config->stateMachineNames())
            for (const std::string &testCase : config->testCaseNames(machine)) {
                auto cases = config->testCase(machine, testCase);
                if (!cases)
                    continue;
                for (const auto &[state, responseName] : *cases)
                    if (const engine::MockResponse *response = config->response(responseName))
                        for (std::size_t n = 0; n <= response->size() && n < 64; ++n)
                            (void)response->at(n);
            }
    } else {
        (void)engine::LocalBindings::parse(text, "/nonexistent/bindings-dir");
    }
    return 0;
}

} // namespace stepwise::fuzz
