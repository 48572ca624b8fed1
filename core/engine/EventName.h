#pragma once
// The name of a history event's type or details member ("TaskScheduled",
// "taskScheduledEventDetails"): one of a few dozen texts, so each is stored once for the whole
// process and an event holds only a pointer to it. Emitting an event then copies no string, and
// two names compare by address. Reads like a const std::string.
#include <cstddef>
#include <string>
#include <string_view>

namespace stepwise::engine {

class EventName
{
public:
    EventName() noexcept : m_text(&emptyText()) {}
    EventName(std::string_view text); // NOLINT: implicit, names are written as literals
    EventName(const char *text) : EventName(std::string_view(text)) {}
    EventName(const std::string &text) : EventName(std::string_view(text)) {}

    const std::string &str() const { return *m_text; }
    operator const std::string &() const { return *m_text; } // NOLINT: reads as a string
    operator std::string_view() const { return *m_text; }    // NOLINT

    bool empty() const { return m_text->empty(); }
    std::size_t size() const { return m_text->size(); }
    bool starts_with(std::string_view prefix) const { return m_text->starts_with(prefix); }
    bool ends_with(std::string_view suffix) const { return m_text->ends_with(suffix); }
    std::string substr(std::size_t pos, std::size_t count = std::string::npos) const
    {
        return m_text->substr(pos, count);
    }

    friend bool operator==(const EventName &a, const EventName &b) { return a.m_text == b.m_text; }
    friend bool operator==(const EventName &a, std::string_view b) { return *a.m_text == b; }
    friend bool operator==(const EventName &a, const std::string &b) { return *a.m_text == b; }
    friend bool operator==(const EventName &a, const char *b) { return *a.m_text == b; }

private:
    static const std::string *intern(std::string_view text);
    static const std::string &emptyText()
    {
        static const std::string empty;
        return empty;
    }

    const std::string *m_text; // interned: lives as long as the process
};

} // namespace stepwise::engine
