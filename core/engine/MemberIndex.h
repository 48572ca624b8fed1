#pragma once
// Where the members of a compact JSON text's objects are, for member writes on the text (ASL
// spec §2.1 ResultPath, TextSplice.h). An object's members are read only as far as a lookup
// needs and then remembered, and the offsets follow every splice: a chain of writes into one
// growing document (a Pass after a Pass, each writing its result into its input) reads each
// object's members once instead of once per write.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace stepwise::engine {

class MemberIndex
{
public:
    // One member: the offsets of its name's opening quote, of its value's first byte, and one
    // past its value.
    struct Member
    {
        std::size_t key = 0;
        std::size_t value = 0;
        std::size_t end = 0;
    };
    // A lookup's answer: the member, or (when absent) where a new member goes, the object's '}'.
    struct Lookup
    {
        std::optional<Member> member;
        std::size_t close = 0;
        bool empty = false; // the object has no members (only for an absent member)
    };

    // Member `key` (escaped as compact() prints it, quotes included) of the object whose '{' is
    // at `open` in `text`, the text this index describes; std::nullopt when no object starts
    // there or the text is not compact JSON.
    std::optional<Lookup> find(std::string_view text, std::size_t open, std::string_view key);
    // The value [begin, end) of a member was replaced by `length` bytes: objects inside the old
    // value are forgotten, later offsets move.
    void replaced(std::size_t begin, std::size_t end, std::size_t length);
    // `length` bytes were inserted at `at`, the '}' of the object at `open`, and hold a new last
    // member whose name starts at `key` and whose value starts at `value` (offsets in the new
    // text); the object's members must all have been read (a lookup found the name absent).
    void appended(std::size_t open, std::size_t at, std::size_t length, std::size_t key,
                  std::size_t value);

    void clear() { m_objects.clear(); }
    bool empty() const { return m_objects.empty(); }

private:
    struct Object
    {
        std::size_t open = 0;
        std::size_t next = 0; // the first member not read yet; the '}' once all are read
        bool complete = false;
        std::vector<Member> members; // in text order
    };

    Object *object(std::string_view text, std::size_t open);
    // Offsets from `from` on move by `delta`: bytes at or after it, ends (one past a value)
    // after it, so that a value ending right where bytes are inserted keeps its end.
    void shift(std::size_t from, std::ptrdiff_t delta);

    std::vector<Object> m_objects;
};

} // namespace stepwise::engine
