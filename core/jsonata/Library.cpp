// The frame of built-in functions and helpers shared by the function families.
#include "core/jsonata/Functions.h"

#include "core/jsonata/Lexer.h"

#include <cmath>

namespace stepwise::jsonata {

void define(Frame &f, const std::string &name, const std::string &signature, NativeFn fn)
{
    f.vars[name] = makeNative(name, signature, std::move(fn));
}

const FramePtr &builtinFrame()
{
    static const FramePtr frame = [] {
        auto f = std::make_shared<Frame>();
        addStringFunctions(*f);
        addNumericFunctions(*f);
        addArrayFunctions(*f);
        addObjectFunctions(*f);
        addHigherOrderFunctions(*f);
        addRegexFunctions(*f);
        addEncodingFunctions(*f);
        addDateTimeFunctions(*f);
        addFormatFunctions(*f);
        return f;
    }();
    return frame;
}

std::string toJsString(const Value &v)
{
    if (v.isString())
        return v.string();
    if (v.isFunction())
        return "";
    if (v.isNumber() && !std::isfinite(v.number))
        throwError("D3001", "Attempting to invoke string function on Infinity or NaN");
    return stringify(v, false);
}

std::u32string toU32(const std::string &s)
{
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        char32_t cp;
        std::size_t len;
        if (c < 0x80) {
            cp = c;
            len = 1;
        } else if ((c >> 5) == 6) {
            cp = c & 0x1F;
            len = 2;
        } else if ((c >> 4) == 14) {
            cp = c & 0x0F;
            len = 3;
        } else {
            cp = c & 0x07;
            len = 4;
        }
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out += cp;
        i += len;
    }
    return out;
}

std::string fromU32(const std::u32string &s)
{
    std::string out;
    for (char32_t c : s)
        appendUtf8(out, static_cast<unsigned>(c));
    return out;
}

} // namespace stepwise::jsonata
