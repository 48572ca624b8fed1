// fuzz_jsonpath: a JSONPath parsed, evaluated and used as a ResultPath.
#include "tests/fuzz/FuzzEntries.h"
#include "tests/fuzz/FuzzSamples.h"

#include "core/jsonpath/Path.h"

namespace stepwise::fuzz {

int fuzzJsonpath(const std::uint8_t *data, std::size_t size)
{
    auto path = jsonpath::Path::parse(asText(data, size));
    if (!path)
        return 0;
    (void)path->normalized();
    (void)path->isDefinite();
    const Json &root = path->root() == jsonpath::Path::Root::Context ? sampleContext()
                       : path->root() == jsonpath::Path::Root::Variable ? sampleVariables()
                                                                         : sampleInput();
    (void)path->evaluate(root);
    (void)path->evaluate(Json("scalar"));
    if (path->isReferencePath()) {
        (void)jsonpath::assign(sampleInput(), *path, Json{{"r", 1}});
        (void)jsonpath::assign(Json(3), *path, Json(nullptr));
    }
    return 0;
}

} // namespace stepwise::fuzz
