#include "core/common/JsonText.h"

namespace stepwise {

std::string withSeparatorSpaces(std::string_view compactText)
{
    std::string out;
    out.reserve(compactText.size() + compactText.size() / 4);
    bool inString = false;
    for (std::size_t i = 0; i < compactText.size(); ++i) {
        const char c = compactText[i];
        out += c;
        if (inString) {
            if (c == '\\' && i + 1 < compactText.size())
                out += compactText[++i];
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == ',' || c == ':') {
            out += ' ';
        }
    }
    return out;
}

} // namespace stepwise
