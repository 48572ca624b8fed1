// Encoding functions (JSONata docs "String functions": $base64encode/$base64decode,
// $encodeUrl, $encodeUrlComponent, $decodeUrl, $decodeUrlComponent).
#include "core/jsonata/Functions.h"

#include <cstring>

namespace stepwise::jsonata {

namespace {

const char *kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64Encode(const std::string &in)
{
    std::string out;
    std::size_t i = 0;
    while (i < in.size()) {
        unsigned b0 = static_cast<unsigned char>(in[i]);
        unsigned b1 = i + 1 < in.size() ? static_cast<unsigned char>(in[i + 1]) : 0;
        unsigned b2 = i + 2 < in.size() ? static_cast<unsigned char>(in[i + 2]) : 0;
        unsigned v = (b0 << 16) | (b1 << 8) | b2;
        out += kB64[(v >> 18) & 63];
        out += kB64[(v >> 12) & 63];
        out += i + 1 < in.size() ? kB64[(v >> 6) & 63] : '=';
        out += i + 2 < in.size() ? kB64[v & 63] : '=';
        i += 3;
    }
    return out;
}

std::string base64Decode(const std::string &in)
{
    std::string out;
    unsigned buf = 0;
    int bits = 0;
    for (char c : in) {
        const char *p = std::strchr(kB64, c);
        if (c == '=' || !p || c == '\0')
            continue;
        buf = (buf << 6) | static_cast<unsigned>(p - kB64);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buf >> bits) & 0xFF);
        }
    }
    return out;
}

bool isUnreserved(unsigned char c, const char *extra)
{
    return std::isalnum(c) || std::strchr("-_.!~*'()", c) || (extra && std::strchr(extra, c));
}

Value encode(Args &a, const char *extra)
{
    if (a[0].isUndefined())
        return Value();
    std::string out;
    const std::string &s = a[0].string();
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c != 0 && isUnreserved(c, extra)) {
            out += static_cast<char>(c);
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            out += hex;
        }
    }
    // Lone surrogates cannot occur in UTF-8 input; malformed sequences are rejected (D3140).
    if (toU32(s).size() && fromU32(toU32(s)) != s)
        throwError("D3140", "Malformed URL passed to encodeUrl(): \"" + s + "\"");
    return Value::str(out);
}

Value decode(Args &a, const char *reserved)
{
    if (a[0].isUndefined())
        return Value();
    const std::string &s = a[0].string();
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        if (i + 2 >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[i + 1])) ||
            !std::isxdigit(static_cast<unsigned char>(s[i + 2])))
            throwError("D3140", "Malformed URL passed to decodeUrl(): \"" + s + "\"");
        char c = static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
        if (reserved && c != '\0' && std::strchr(reserved, c))
            out += s.substr(i, 3);
        else
            out += c;
        i += 2;
    }
    if (fromU32(toU32(out)) != out)
        throwError("D3140", "Malformed URL passed to decodeUrl(): \"" + s + "\"");
    return Value::str(out);
}

} // namespace

void addEncodingFunctions(Frame &f)
{
    define(f, "base64encode", "<s-:s>", [](Evaluator &, Args &a, const Value &) {
        return a[0].isUndefined() ? Value() : Value::str(base64Encode(a[0].string()));
    });
    define(f, "base64decode", "<s-:s>", [](Evaluator &, Args &a, const Value &) {
        return a[0].isUndefined() ? Value() : Value::str(base64Decode(a[0].string()));
    });
    define(f, "encodeUrlComponent", "<s-:s>", [](Evaluator &, Args &a, const Value &) {
        return encode(a, nullptr);
    });
    define(f, "encodeUrl", "<s-:s>", [](Evaluator &, Args &a, const Value &) {
        return encode(a, ";,/?:@&=+$#");
    });
    define(f, "decodeUrlComponent", "<s-:s>", [](Evaluator &, Args &a, const Value &) {
        return decode(a, nullptr);
    });
    define(f, "decodeUrl", "<s-:s>", [](Evaluator &, Args &a, const Value &) {
        return decode(a, ";,/?:@&=+$#");
    });
}

} // namespace stepwise::jsonata
