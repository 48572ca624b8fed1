// Member writes on compact JSON text (ASL spec §2.1 ResultPath); see TextSplice.h. Finding the
// members is MemberIndex's job; this file builds the new text.
#include "core/engine/TextSplice.h"

namespace stepwise::engine {

std::optional<std::string> spliceMember(std::string_view text, const std::vector<std::string> &keys,
                                        std::string_view valueText, MemberIndex *index)
{
    if (keys.empty())
        return std::nullopt;
    MemberIndex local;
    MemberIndex &members = index ? *index : local;
    std::size_t open = 0; // the object the current key is looked up in
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const auto lookup = members.find(text, open, keys[i]);
        if (!lookup)
            return std::nullopt;
        if (lookup->member && i + 1 < keys.size()) {
            open = lookup->member->value;
            continue;
        }
        std::string out;
        if (lookup->member) { // replace the value
            const std::size_t begin = lookup->member->value;
            const std::size_t end = lookup->member->end;
            out.reserve(text.size() - (end - begin) + valueText.size());
            out.append(text.substr(0, begin));
            out.append(valueText);
            out.append(text.substr(end));
            members.replaced(begin, end, valueText.size());
            return out;
        }
        // Insert `"k_i":{"k_i+1":{...value...}}` before the closing brace.
        const std::size_t at = lookup->close;
        std::size_t extra = valueText.size() + 2 * keys.size();
        for (std::size_t k = i; k < keys.size(); ++k)
            extra += keys[k].size() + 1;
        out.reserve(text.size() + extra);
        out.append(text.substr(0, at));
        if (!lookup->empty)
            out += ',';
        const std::size_t key = out.size();
        for (std::size_t k = i; k < keys.size(); ++k) {
            out.append(keys[k]);
            out += ':';
            if (k + 1 < keys.size())
                out += '{';
        }
        out.append(valueText);
        out.append(keys.size() - 1 - i, '}');
        const std::size_t inserted = out.size() - at;
        out.append(text.substr(at));
        members.appended(open, at, inserted, key, key + keys[i].size() + 1);
        return out;
    }
    return std::nullopt;
}

} // namespace stepwise::engine
