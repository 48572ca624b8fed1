#include "core/jsonata/Regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace stepwise::jsonata {

namespace {

pcre2_code *code(void *p) { return static_cast<pcre2_code *>(p); }

// One match-data block per thread, grown to the largest pattern seen: no allocation per match.
pcre2_match_data *matchData(const pcre2_code *re)
{
    struct Holder
    {
        pcre2_match_data *data = nullptr;
        ~Holder() { pcre2_match_data_free(data); }
    };
    static thread_local Holder holder;
    std::uint32_t groups = 0;
    pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &groups);
    if (!holder.data || pcre2_get_ovector_count(holder.data) < groups + 1) {
        pcre2_match_data_free(holder.data);
        holder.data = pcre2_match_data_create(groups + 1, nullptr);
    }
    return holder.data;
}

} // namespace

std::shared_ptr<const CompiledRegex> CompiledRegex::compile(const std::string &pattern,
                                                            const std::string &flags)
{
    // JavaScript semantics: \u escapes, unset back-references match the empty string, `$`
    // matches only at the very end unless multiline.
    std::uint32_t options = PCRE2_UTF | PCRE2_ALT_BSUX | PCRE2_MATCH_UNSET_BACKREF |
                            PCRE2_DOLLAR_ENDONLY;
    if (flags.find('i') != std::string::npos)
        options |= PCRE2_CASELESS;
    if (flags.find('m') != std::string::npos)
        options |= PCRE2_MULTILINE;
    int error = 0;
    PCRE2_SIZE offset = 0;
    pcre2_code *re = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                   options, &error, &offset, nullptr);
    if (!re)
        return nullptr;
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); // falls back to the interpreter when unavailable
    return std::shared_ptr<const CompiledRegex>(new CompiledRegex(re));
}

CompiledRegex::~CompiledRegex() { pcre2_code_free(code(m_code)); }

bool CompiledRegex::search(const std::string &subject, std::size_t from,
                           std::vector<std::pair<std::size_t, std::size_t>> &groups) const
{
    groups.clear();
    if (from > subject.size())
        return false;
    const pcre2_code *re = code(m_code);
    pcre2_match_data *data = matchData(re);
    const int rc = pcre2_match(re, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(),
                               from, 0, data, nullptr);
    if (rc < 0) // no match, or a subject that is not valid UTF-8
        return false;
    std::uint32_t count = 0;
    pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &count);
    const PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(data);
    for (std::uint32_t i = 0; i <= count; ++i) {
        if (i < static_cast<std::uint32_t>(rc) && ovector[2 * i] != PCRE2_UNSET)
            groups.emplace_back(ovector[2 * i], ovector[2 * i + 1]);
        else
            groups.emplace_back(npos, npos);
    }
    return true;
}

} // namespace stepwise::jsonata
