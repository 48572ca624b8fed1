#pragma once
// Fixed data the fuzz targets evaluate against, the same on every run so findings reproduce.
#include "core/common/Json.h"

#include <string_view>

namespace stepwise::fuzz {

inline std::string_view asText(const unsigned char *data, std::size_t size)
{
    return {reinterpret_cast<const char *>(data), size};
}

const Json &sampleInput();     // every JSON type, nested arrays and objects
const Json &sampleContext();   // a context object ($$) as a Task state sees it
const Json &sampleVariables(); // a few variables ($name)

} // namespace stepwise::fuzz
