// fuzz_asl: ASL text through the parser, the validator and the writers.
#include "tests/fuzz/FuzzEntries.h"
#include "tests/fuzz/FuzzSamples.h"

#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"
#include "core/asl/Validator.h"

namespace stepwise::fuzz {

int fuzzAsl(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text = asText(data, size);
    (void)asl::validateText(text);
    auto document = asl::parseDocument(text);
    if (!document)
        return 0;
    (void)asl::validate(*document, {asl::MachineType::Express});
    auto machine = asl::fromJson(*document);
    if (!machine)
        return 0;
    // Writing back must accept anything the reader accepted.
    const std::string written = asl::serialize(*machine);
    (void)asl::serializeYaml(*machine);
    (void)asl::parse(written);
    return 0;
}

} // namespace stepwise::fuzz
