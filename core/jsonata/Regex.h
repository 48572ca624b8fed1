#pragma once
// A compiled JSONata regular expression. JSONata uses JavaScript's regex syntax; PCRE2 (with its
// JavaScript-compatibility options and JIT) matches it far more closely than std::regex, works
// on characters rather than bytes, and runs in linear stack space.
#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace stepwise::jsonata {

class CompiledRegex
{
public:
    // flags: JSONata's "i" and "m"; nullptr when the pattern is not a valid regular expression.
    static std::shared_ptr<const CompiledRegex> compile(const std::string &pattern,
                                                        const std::string &flags);
    ~CompiledRegex();
    CompiledRegex(const CompiledRegex &) = delete;
    CompiledRegex &operator=(const CompiledRegex &) = delete;

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    // The first match starting at or after byte `from`: byte ranges of the whole match (index 0)
    // and of each capture group ({npos, npos} when a group did not take part). False: no match.
    bool search(const std::string &subject, std::size_t from,
                std::vector<std::pair<std::size_t, std::size_t>> &groups) const;

private:
    explicit CompiledRegex(void *code) : m_code(code) {}
    void *m_code; // pcre2_code_8, kept out of this header
};

} // namespace stepwise::jsonata
