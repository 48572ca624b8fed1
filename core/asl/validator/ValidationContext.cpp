// Diagnostic collection and JSON Pointer helpers shared by all validator checks.
#include "core/asl/validator/ValidationContext.h"

namespace stepwise::asl::validator {

std::string childPointer(const std::string &pointer, std::string_view token)
{
    std::string result = pointer;
    result.reserve(pointer.size() + token.size() + 1);
    result += '/';
    for (char c : token) {
        if (c == '~')
            result += "~0";
        else if (c == '/')
            result += "~1";
        else
            result += c;
    }
    return result;
}

std::string childPointer(const std::string &pointer, std::size_t index)
{
    return pointer + '/' + std::to_string(index);
}

std::size_t codePointCount(std::string_view text)
{
    std::size_t count = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U)
            ++count;
    return count;
}

std::string stringMember(const Json &object, const char *key)
{
    if (!object.is_object())
        return {};
    auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return {};
    return it->get<std::string>();
}

void ValidationContext::error(const std::string &pointer, std::string message, const char *code)
{
    m_diagnostics.push_back({Severity::Error, code, pointer, std::move(message), 0, 0});
}

void ValidationContext::warning(const std::string &pointer, std::string message, const char *code)
{
    m_diagnostics.push_back({Severity::Warning, code, pointer, std::move(message), 0, 0});
}

} // namespace stepwise::asl::validator
