#include "tests/fuzz/FuzzEntries.h"

namespace stepwise::fuzz {

Entry entryFor(std::string_view targetName)
{
    if (targetName == "fuzz_asl")
        return &fuzzAsl;
    if (targetName == "fuzz_jsonpath")
        return &fuzzJsonpath;
    if (targetName == "fuzz_intrinsics")
        return &fuzzIntrinsics;
    if (targetName == "fuzz_jsonata")
        return &fuzzJsonata;
    if (targetName == "fuzz_handlers_config")
        return &fuzzHandlersConfig;
    return nullptr;
}

} // namespace stepwise::fuzz
