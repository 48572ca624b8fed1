#pragma once
// How deeply an ASL document may nest. Deeper text is refused before parsing: parsing, checking
// and writing back all recurse per level, so a hostile file could otherwise exhaust the stack.
#include <cstddef>
#include <optional>
#include <string_view>

namespace stepwise::asl {

// Jackson's (and so AWS's) default maximum nesting depth.
inline constexpr int kMaxNesting = 1000;

// The offset of the first '[' or '{' beyond kMaxNesting open levels, if any. JSON strings are
// skipped when `json`; for YAML the flow brackets are counted alike (a safe over-estimate).
inline std::optional<std::size_t> nestingBeyondLimit(std::string_view text, bool json)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"' && json) {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxNesting)
                return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

} // namespace stepwise::asl
