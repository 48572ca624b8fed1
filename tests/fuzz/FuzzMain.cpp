// libFuzzer main of one target: STEPWISE_FUZZ_ENTRY names its function in FuzzEntries.h.
#include "tests/fuzz/FuzzEntries.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return stepwise::fuzz::STEPWISE_FUZZ_ENTRY(data, size);
}
