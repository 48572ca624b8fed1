#pragma once
// How Java prints values (ASL spec §5.3, States.Format): Double.toString for non-integers,
// List.toString `[a, b]` and Map.toString `{k=v}` for arrays and objects.
#include "core/common/Json.h"

#include <string>
#include <string_view>

namespace stepwise::intrinsics {

std::string javaDoubleToString(double value);

// String.valueOf of the Java object AWS builds from a JSON value; strings are not quoted.
std::string javaToString(const Json &value);

// String.length(): the number of UTF-16 code units of a UTF-8 string.
std::size_t utf16Length(std::string_view utf8);
// utf16Length(utf8) > limit, without counting when the bytes alone fit (a UTF-16 text never has
// more units than its UTF-8 form has bytes).
inline bool utf16LongerThan(std::string_view utf8, std::size_t limit)
{
    return utf8.size() > limit && utf16Length(utf8) > limit;
}

// The byte count of the UTF-8 sequence `lead` starts (1-4); 0 when it cannot start one.
std::size_t utf8SequenceLength(unsigned char lead);

// new String(bytes, UTF_8): malformed sequences become U+FFFD.
std::string sanitizeUtf8(std::string_view bytes);

} // namespace stepwise::intrinsics
