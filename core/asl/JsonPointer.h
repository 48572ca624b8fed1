#pragma once
// JSON Pointer (RFC 6901) building for parse errors and diagnostics.
#include <cstddef>
#include <string>
#include <string_view>

namespace stepwise::asl {

// `parent` + "/" + token, with '~' written as "~0" and '/' as "~1".
inline std::string childPointer(std::string_view parent, std::string_view token)
{
    std::string pointer(parent);
    pointer.reserve(parent.size() + token.size() + 1);
    pointer += '/';
    for (char c : token) {
        if (c == '~')
            pointer += "~0";
        else if (c == '/')
            pointer += "~1";
        else
            pointer += c;
    }
    return pointer;
}

inline std::string childPointer(std::string_view parent, std::size_t index)
{
    return childPointer(parent, std::to_string(index));
}

} // namespace stepwise::asl
