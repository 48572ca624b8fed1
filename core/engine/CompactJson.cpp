// Compact JSON text for history events and causes (ASL spec §9.1): byte for byte what
// nlohmann's dump(-1, ' ', false, replace) prints, written straight into one string. Every
// state's input and output is printed once per event, so this is the engine's hottest writer;
// nlohmann's serializer decodes UTF-8 byte by byte and allocates an adapter per call.
#include "core/engine/DataFlow.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace stepwise::engine {
namespace {

// Whether any byte of `word` (4 or 8 bytes) needs attention: a control character, '"', '\\' or
// a non-ASCII byte (exact bit tricks from "Bit Twiddling Hacks": haszero / hasless).
template <typename Word>
bool wordNeedsCare(Word word)
{
    constexpr Word ones = static_cast<Word>(0x0101010101010101ull);
    constexpr Word highs = static_cast<Word>(0x8080808080808080ull);
    const auto hasZero = [](Word v) { return static_cast<Word>((v - ones) & ~v & highs); };
    const Word control = static_cast<Word>((word - ones * 0x20) & ~word & highs);
    return ((word & highs) | control | hasZero(word ^ static_cast<Word>(ones * '"'))
            | hasZero(word ^ static_cast<Word>(ones * '\\'))) != 0;
}

template <typename Word>
Word load(const char *bytes)
{
    Word word;
    std::memcpy(&word, bytes, sizeof word);
    return word;
}

// The bytes wordNeedsCare looks for, one at a time: for short strings (most keys) and the tail.
constexpr std::array<bool, 256> careTable()
{
    std::array<bool, 256> table{};
    for (std::size_t c = 0; c < 256; ++c)
        table[c] = c < 0x20 || c >= 0x80 || c == '"' || c == '\\';
    return table;
}

bool byteNeedsCare(char c)
{
    static constexpr std::array<bool, 256> table = careTable();
    return table[static_cast<unsigned char>(c)];
}

// Copies sizeof(Word) to 2 * sizeof(Word) bytes as two words, the first and the last, which
// overlap when the size is less than twice a word.
template <typename Word>
void copyWordEnds(char *to, const char *from, std::size_t size)
{
    const Word head = load<Word>(from);
    const Word tail = load<Word>(from + size - sizeof(Word));
    std::memcpy(to, &head, sizeof head);
    std::memcpy(to + size - sizeof(Word), &tail, sizeof tail);
}

// memcpy for the short pieces most of a document is made of (keys, numbers, small strings),
// without a library call: two overlapping fixed-size moves cover any length up to 16.
[[gnu::always_inline]] inline void copyBytes(char *to, const char *from, std::size_t size)
{
    if (size > 16) {
        std::memcpy(to, from, size);
    } else if (size >= 8) {
        copyWordEnds<std::uint64_t>(to, from, size);
    } else if (size >= 4) {
        copyWordEnds<std::uint32_t>(to, from, size);
    } else if (size > 0) {
        to[0] = from[0];
        to[size / 2] = from[size / 2];
        to[size - 1] = from[size - 1];
    }
}

// Writes into the string's own buffer through a cursor: std::string's append and push_back
// each check and update the size, which for the many few-byte pieces of a document (quotes,
// commas, short keys) costs more than the bytes themselves. The string is sized ahead (its
// spare bytes are filled, then cut off by finish()).
class Writer
{
public:
    // `expected`: the likely size of the text, to size the buffer once.
    Writer(std::string &out, std::size_t expected) : out_(out)
    {
        out_.resize(std::max(expected, out_.capacity()));
        pos_ = out_.data();
        end_ = pos_ + out_.size();
    }

    void reserve(std::size_t bytes)
    {
        if (static_cast<std::size_t>(end_ - pos_) < bytes)
            grow(bytes);
    }
    // Callers reserve() first.
    void put(char c) { *pos_++ = c; }
    void put(const char *text, std::size_t size)
    {
        copyBytes(pos_, text, size);
        pos_ += size;
    }
    void write(const char *text, std::size_t size)
    {
        reserve(size);
        put(text, size);
    }
    std::size_t size() const { return static_cast<std::size_t>(pos_ - out_.data()); }
    void rewind(std::size_t size) { pos_ = out_.data() + size; }
    void finish() { out_.resize(size()); }

private:
    [[gnu::noinline]] void grow(std::size_t bytes)
    {
        const std::size_t used = size();
        out_.resize(std::max(used + bytes, 2 * out_.size()));
        pos_ = out_.data() + used;
        end_ = out_.data() + out_.size();
    }

    std::string &out_;
    char *pos_ = nullptr;
    char *end_ = nullptr;
};

// Whether no byte of the text needs care, in whole words: two overlapping loads cover the
// tail (or a text of 4 to 7 bytes) instead of a byte-by-byte look.
bool isPlain(const char *data, std::size_t size)
{
    if (size >= 8) {
        std::size_t i = 0;
        for (; i + 8 <= size; i += 8)
            if (wordNeedsCare(load<std::uint64_t>(data + i)))
                return false;
        return i == size || !wordNeedsCare(load<std::uint64_t>(data + size - 8));
    }
    if (size >= 4)
        return !wordNeedsCare(load<std::uint32_t>(data))
            && !wordNeedsCare(load<std::uint32_t>(data + size - 4));
    for (std::size_t i = 0; i < size; ++i)
        if (byteNeedsCare(data[i]))
            return false;
    return true;
}

// A string with bytes to escape (or to validate as UTF-8), after its opening quote at `start`.
// Kept out of writeString so that the plain path does not pay for this one's registers.
[[gnu::noinline]] void writeEscapedString(Writer &out, const std::string &text,
                                          std::size_t start)
{
    const char *data = text.data();
    const std::size_t size = text.size();
    std::size_t runStart = 0;
    std::size_t i = 0;
    while (i < size) {
        // Skip plain ASCII eight bytes at a time, then byte by byte up to the next byte that
        // needs care.
        for (std::uint64_t word; i + 8 <= size; i += 8) {
            std::memcpy(&word, data + i, sizeof word);
            if (wordNeedsCare(word))
                break;
        }
        while (i < size && !byteNeedsCare(data[i]))
            ++i;
        if (i == size)
            break;
        const auto c = static_cast<unsigned char>(data[i]);
        if (c >= 0x80) {
            // Non-ASCII text: nlohmann validates it and replaces invalid sequences with
            // U+FFFD; let it print this string so both agree exactly (rare in practice).
            out.rewind(start);
            const std::string printed = Json(text).dump(-1, ' ', false,
                                                        Json::error_handler_t::replace);
            out.write(printed.data(), printed.size());
            return;
        }
        // The run so far, then at most 6 bytes of escape, then room for what is left.
        out.put(data + runStart, i - runStart);
        out.reserve(6 + (size - i) + 1);
        runStart = i + 1;
        switch (c) {
        case '"': out.put("\\\"", 2); break;
        case '\\': out.put("\\\\", 2); break;
        case '\b': out.put("\\b", 2); break;
        case '\t': out.put("\\t", 2); break;
        case '\n': out.put("\\n", 2); break;
        case '\f': out.put("\\f", 2); break;
        case '\r': out.put("\\r", 2); break;
        default: {
            static constexpr char hex[] = "0123456789abcdef";
            const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            out.put(escaped, sizeof escaped);
        }
        }
        ++i;
    }
    out.put(data + runStart, size - runStart);
    out.put('"');
}

void writeString(Writer &out, const std::string &text)
{
    const std::size_t start = out.size();
    out.reserve(text.size() + 2);
    out.put('"');
    if (!isPlain(text.data(), text.size()))
        return writeEscapedString(out, text, start);
    out.put(text.data(), text.size()); // the usual case: keys, names, ids
    out.put('"');
}

template <typename Number>
void writeInteger(Writer &out, Number value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.write(buffer, static_cast<std::size_t>(result.ptr - buffer));
}

void writeValue(Writer &out, const Json &value)
{
    switch (value.type()) {
    case Json::value_t::null:
        out.write("null", 4);
        return;
    case Json::value_t::boolean:
        if (*value.get_ptr<const bool *>())
            out.write("true", 4);
        else
            out.write("false", 5);
        return;
    case Json::value_t::number_integer:
        writeInteger(out, *value.get_ptr<const std::int64_t *>());
        return;
    case Json::value_t::number_unsigned:
        writeInteger(out, *value.get_ptr<const std::uint64_t *>());
        return;
    case Json::value_t::number_float: {
        const double number = *value.get_ptr<const double *>();
        if (!std::isfinite(number)) {
            out.write("null", 4);
            return;
        }
        char buffer[64];
        char *end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, number);
        out.write(buffer, static_cast<std::size_t>(end - buffer));
        return;
    }
    case Json::value_t::string:
        writeString(out, value.get_ref<const std::string &>());
        return;
    case Json::value_t::array: {
        // The containers themselves, not basic_json's iterators, which switch on the type at
        // every step.
        const auto &elements = value.get_ref<const Json::array_t &>();
        out.reserve(2);
        out.put('[');
        bool first = true;
        for (const Json &element : elements) {
            if (!first) {
                out.reserve(1);
                out.put(',');
            }
            first = false;
            writeValue(out, element);
        }
        out.reserve(1);
        out.put(']');
        return;
    }
    case Json::value_t::object: {
        const auto &members = value.get_ref<const Json::object_t &>();
        out.reserve(2);
        out.put('{');
        bool first = true;
        for (const auto &[key, member] : members) {
            if (!first) {
                out.reserve(1);
                out.put(',');
            }
            first = false;
            writeString(out, key);
            out.reserve(1);
            out.put(':');
            writeValue(out, member);
        }
        out.reserve(1);
        out.put('}');
        return;
    }
    case Json::value_t::binary:
    case Json::value_t::discarded: {
        const std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
        out.write(text.data(), text.size());
        return;
    }
    }
}

} // namespace

std::string compact(const Json &value)
{
    std::string out;
    Writer writer(out, value.is_structured() ? 256 : 0);
    writeValue(writer, value);
    writer.finish();
    return out;
}

} // namespace stepwise::engine
