// String intrinsics (ASL spec §5.3): Format, StringToJson, JsonToString, StringSplit,
// Base64Encode, Base64Decode.
#include "core/intrinsics/ExpressionNode.h"
#include "core/intrinsics/JavaText.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

namespace stepwise::intrinsics {
namespace {

constexpr std::size_t kMaxBase64Input = 10000;
constexpr std::string_view kBase64Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// The template as written when it is a literal (so `\{` stays distinguishable from `{`).
std::string_view formatTemplate(const Args &args, const ExpressionNode &call)
{
    const ExpressionNode &first = call.args.front();
    if (first.kind == ExpressionNode::Kind::Literal && first.literal.is_string())
        return first.rawString;
    return args.front().get_ref<const std::string &>();
}

} // namespace

// §5.3 Format: `{}` slots take the values in order, `\{` `\}` `\\` `\'` are literal characters.
Result<Json, std::string> fnFormat(const Args &args, const EvalContext &,
                                   const ExpressionNode &call)
{
    if (!args.front().is_string())
        return unexpected(invalidArguments(call));
    std::string_view pattern = formatTemplate(args, call);
    std::string out;
    std::size_t next = 1;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        char c = pattern[i];
        if (c == '\\' && i + 1 < pattern.size()) {
            out += pattern[++i];
        } else if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}') {
            if (next >= args.size())
                return unexpected(invalidArguments(call));
            out += javaToString(args[next++]);
            ++i;
        } else {
            out += c;
        }
    }
    if (next != args.size())
        return unexpected(invalidArguments(call));
    return Json(std::move(out));
}

// §5.3 StringToJson: empty or blank text is null [OBS].
Result<Json, std::string> fnStringToJson(const Args &args, const EvalContext &,
                                         const ExpressionNode &call)
{
    if (!args.front().is_string())
        return unexpected(invalidArguments(call));
    const auto &text = args.front().get_ref<const std::string &>();
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        return Json(nullptr);
    Json parsed = Json::parse(text, nullptr, false);
    if (parsed.is_discarded())
        return unexpected(invalidArguments(call));
    return parsed;
}

Result<Json, std::string> fnJsonToString(const Args &args, const EvalContext &,
                                         const ExpressionNode &)
{
    return Json(args.front().dump(-1, ' ', false, Json::error_handler_t::replace));
}

namespace {

// The bytes of the character starting at text[i] (1 for a stray byte).
std::size_t sequenceLength(std::string_view text, std::size_t i)
{
    const std::size_t length = utf8SequenceLength(static_cast<unsigned char>(text[i]));
    return std::clamp<std::size_t>(length, 1, text.size() - i);
}

} // namespace

// §5.3 StringSplit: every delimiter character separates; empty tokens are dropped [OBS].
// Characters, not bytes: a non-ASCII delimiter must not cut another character's bytes apart
// (that left invalid UTF-8 in the tokens). ASCII delimiters never occur inside a multi-byte
// character, so they are looked up byte by byte.
Result<Json, std::string> fnStringSplit(const Args &args, const EvalContext &,
                                        const ExpressionNode &call)
{
    if (!args[0].is_string() || !args[1].is_string())
        return unexpected(invalidArguments(call));
    const std::string_view text = args[0].get_ref<const std::string &>();
    const std::string_view delimiters = args[1].get_ref<const std::string &>();
    bool isDelimiter[256] = {};
    std::vector<std::string_view> wideDelimiters;
    for (std::size_t i = 0; i < delimiters.size();) {
        const std::size_t length = sequenceLength(delimiters, i);
        if (length == 1)
            isDelimiter[static_cast<unsigned char>(delimiters[i])] = true;
        else
            wideDelimiters.push_back(delimiters.substr(i, length));
        i += length;
    }
    Json out = Json::array();
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size();) {
        std::size_t length = 1;
        bool splits = i == text.size();
        if (!splits) {
            length = wideDelimiters.empty() ? 1 : sequenceLength(text, i);
            splits = length == 1 ? isDelimiter[static_cast<unsigned char>(text[i])]
                                 : std::find(wideDelimiters.begin(), wideDelimiters.end(),
                                             text.substr(i, length)) != wideDelimiters.end();
        }
        if (splits) {
            if (i > start) // empty tokens are dropped
                out.push_back(std::string(text.substr(start, i - start)));
            start = i + length;
        }
        i += length;
    }
    return out;
}

Result<Json, std::string> fnBase64Encode(const Args &args, const EvalContext &,
                                         const ExpressionNode &call)
{
    if (!args.front().is_string())
        return unexpected(invalidArguments(call));
    const auto &text = args.front().get_ref<const std::string &>();
    if (utf16LongerThan(text, kMaxBase64Input))
        return unexpected(invalidArguments(call));
    std::string out;
    out.reserve((text.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < text.size(); i += 3) {
        std::uint32_t chunk = 0;
        std::size_t count = std::min<std::size_t>(3, text.size() - i);
        for (std::size_t k = 0; k < 3; ++k) {
            auto byte = k < count ? static_cast<unsigned char>(text[i + k]) : 0u;
            chunk = (chunk << 8) | byte;
        }
        for (std::size_t k = 0; k < 4; ++k) {
            std::size_t sextet = (chunk >> (18 - 6 * k)) & 0x3F;
            out += k <= count ? kBase64Alphabet[sextet] : '=';
        }
    }
    return Json(std::move(out));
}

// Lenient about missing padding [OBS]; any other character is invalid.
Result<Json, std::string> fnBase64Decode(const Args &args, const EvalContext &,
                                         const ExpressionNode &call)
{
    if (!args.front().is_string())
        return unexpected(invalidArguments(call));
    std::string_view text = args.front().get_ref<const std::string &>();
    if (text.size() > kMaxBase64Input)
        return unexpected(invalidArguments(call));
    while (!text.empty() && text.back() == '=')
        text.remove_suffix(1);
    if (text.size() % 4 == 1)
        return unexpected(invalidArguments(call));
    std::string bytes;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        std::size_t value = kBase64Alphabet.find(c);
        if (value == std::string_view::npos)
            return unexpected(invalidArguments(call));
        buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    return Json(sanitizeUtf8(bytes));
}

} // namespace stepwise::intrinsics
