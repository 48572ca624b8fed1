// Wildcard comparison of recorded and actual results (conformance/README.md rules 2-5).
#include "Compare.h"

#include "core/common/JsonText.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

namespace stepwise::conformance {
namespace {

enum class PartKind { Literal, Any, Date };

struct Part
{
    PartKind kind = PartKind::Literal;
    std::string text;
};

bool isDigitAt(const std::string &s, std::size_t i, std::size_t count = 1)
{
    for (std::size_t k = 0; k < count; ++k) {
        if (i + k >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i + k])))
            return false;
    }
    return true;
}

// Ends of an ISO-8601 date-time with a zone starting at `i`:
// YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH[:MM]).
std::vector<std::size_t> isoDateEnds(const std::string &s, std::size_t i)
{
    std::vector<std::size_t> ends;
    if (!(isDigitAt(s, i, 4) && s.compare(i + 4, 1, "-") == 0 && isDigitAt(s, i + 5, 2) &&
          s.compare(i + 7, 1, "-") == 0 && isDigitAt(s, i + 8, 2) && i + 10 < s.size() &&
          (s[i + 10] == 'T' || s[i + 10] == ' ') && isDigitAt(s, i + 11, 2) &&
          s.compare(i + 13, 1, ":") == 0 && isDigitAt(s, i + 14, 2)))
        return ends;
    std::size_t p = i + 16;
    if (s.compare(p, 1, ":") == 0 && isDigitAt(s, p + 1, 2)) {
        p += 3;
        if (s.compare(p, 1, ".") == 0 && isDigitAt(s, p + 1)) {
            ++p;
            while (isDigitAt(s, p))
                ++p;
        }
    }
    if (s.compare(p, 1, "Z") == 0) {
        ends.push_back(p + 1);
    } else if (p < s.size() && (s[p] == '+' || s[p] == '-') && isDigitAt(s, p + 1, 2)) {
        ends.push_back(p + 3);
        if (s.compare(p + 3, 1, ":") == 0 && isDigitAt(s, p + 4, 2))
            ends.push_back(p + 6);
        else if (isDigitAt(s, p + 3, 2))
            ends.push_back(p + 5);
    }
    return ends;
}

class Matcher
{
public:
    Matcher(const std::vector<Part> &parts, const std::string &actual)
        : m_parts(parts), m_actual(actual)
    {
    }

    bool match(std::size_t part, std::size_t pos)
    {
        if (part == m_parts.size())
            return pos == m_actual.size();
        const auto key = std::make_pair(part, pos);
        if (const auto found = m_memo.find(key); found != m_memo.end())
            return found->second;
        const bool result = step(part, pos);
        m_memo[key] = result;
        return result;
    }

private:
    bool step(std::size_t part, std::size_t pos)
    {
        const Part &p = m_parts[part];
        if (p.kind == PartKind::Literal)
            return m_actual.compare(pos, p.text.size(), p.text) == 0 &&
                   match(part + 1, pos + p.text.size());
        if (p.kind == PartKind::Date) {
            if (m_actual.compare(pos, p.text.size(), p.text) == 0 &&
                match(part + 1, pos + p.text.size()))
                return true;
            for (std::size_t end : isoDateEnds(m_actual, pos)) {
                if (match(part + 1, end))
                    return true;
            }
            return false;
        }
        for (std::size_t end = pos + 1; end <= m_actual.size(); ++end) {
            if (match(part + 1, end))
                return true;
        }
        return false;
    }

    const std::vector<Part> &m_parts;
    const std::string &m_actual;
    std::map<std::pair<std::size_t, std::size_t>, bool> m_memo;
};

std::string shortText(const Json &value)
{
    std::string text = value.dump();
    if (text.size() > 300)
        text = text.substr(0, 300) + "...";
    return text;
}

std::string difference(const std::string &path, const Json &expected, const Json &actual)
{
    return path + ": expected " + shortText(expected) + ", got " + shortText(actual);
}

bool numbersEqual(const Json &a, const Json &b)
{
    if (a.is_number_float() || b.is_number_float())
        return a.get<double>() == b.get<double>();
    if (a.is_number_unsigned() && b.is_number_unsigned())
        return a.get<std::uint64_t>() == b.get<std::uint64_t>();
    return a.get<std::int64_t>() == b.get<std::int64_t>();
}

// Whether `expected` is the Python rendering (json.dumps: ", " and ": " separators) of the JSON
// text `actual`: the recorder re-serialised some JSON texts that way (e.g.
// scenarios/parallel_state_nested, where every input and output is "[[1, 2, 3], [4, 5, 6]]"
// though AWS sends compact JSON).
bool isPythonRendering(const std::string &expected, const std::string &actual)
{
    if (expected.find(", ") == std::string::npos && expected.find(": ") == std::string::npos)
        return false;
    const Json parsed = Json::parse(actual, nullptr, false);
    return !parsed.is_discarded() && withSeparatorSpaces(parsed.dump()) == expected;
}

std::optional<std::string> compareObjects(const Json &expected, const Json &actual,
                                          const Placeholders &placeholders,
                                          const std::string &path)
{
    for (const auto &[key, value] : expected.items()) {
        const auto found = actual.find(key);
        if (found == actual.end())
            return path + "." + key + ": missing (expected " + shortText(value) + ")";
        if (auto diff = compareValues(value, *found, placeholders, path + "." + key))
            return diff;
    }
    for (const auto &[key, value] : actual.items()) {
        if (!expected.contains(key))
            return path + "." + key + ": unexpected member " + shortText(value);
    }
    return std::nullopt;
}

Json withoutKeys(const Json &event, std::initializer_list<const char *> keys)
{
    Json copy = event;
    if (copy.is_object()) {
        for (const char *key : keys)
            copy.erase(key);
    }
    return copy;
}

bool isNormalised(const Json &event)
{
    return event.is_object() && event.contains("id") && event.at("id").is_array();
}

// Rule 5: a range ends at the next ParallelStateSucceeded / Failed / Aborted / Exited. With nested
// Parallel states the recorder closed the range at the inner state's end and dropped those
// closing events (parallel_state_nested), so any of them may stand unmatched in a range.
bool isRangeEnd(const Json &event)
{
    const std::string type = event.value("type", "");
    return type == "ParallelStateSucceeded" || type == "ParallelStateFailed"
        || type == "ParallelStateAborted" || type == "ParallelStateExited";
}

// Rule 5: expected events of a normalised range against actual events [from, to) as a multiset,
// ids ignored. The recorder dropped the range's closing event and collapsed identical events, so
// unmatched actual events are accepted when they close the range or repeat a matched event.
std::optional<std::string> compareRange(const std::vector<Json> &expected, const Json &actual,
                                        std::size_t from, std::size_t to,
                                        const Placeholders &placeholders)
{
    std::vector<Json> candidates;
    for (std::size_t j = from; j < to && j < actual.size(); ++j)
        candidates.push_back(withoutKeys(actual[j], {"id", "previousEventId", "timestamp"}));
    std::vector<bool> used(candidates.size(), false);
    for (const Json &event : expected) {
        const Json want = withoutKeys(event, {"id", "previousEventId", "timestamp"});
        bool found = false;
        for (std::size_t j = 0; j < candidates.size() && !found; ++j) {
            if (!used[j] && !compareValues(want, candidates[j], placeholders))
                used[j] = found = true;
        }
        if (!found)
            return "normalised parallel range (actual ids " + std::to_string(from + 1) + ".." +
                   std::to_string(to) + "): no actual event matches " + shortText(want);
    }
    for (std::size_t j = 0; j < candidates.size(); ++j) {
        if (used[j] || isRangeEnd(candidates[j]))
            continue;
        const bool repeated = std::any_of(expected.begin(), expected.end(), [&](const Json &e) {
            return !compareValues(withoutKeys(e, {"id", "previousEventId", "timestamp"}),
                                  candidates[j], placeholders);
        });
        if (!repeated)
            return "normalised parallel range: unexpected actual event " +
                   shortText(candidates[j]);
    }
    return std::nullopt;
}

std::size_t eventId(const Json &event)
{
    const auto found = event.find("id");
    return found != event.end() && found->is_number_integer()
               ? static_cast<std::size_t>(found->get<std::int64_t>())
               : 0;
}

} // namespace

Placeholders::Placeholders(std::vector<std::string> tokens) : m_tokens(std::move(tokens))
{
    m_tokens.erase(std::remove(m_tokens.begin(), m_tokens.end(), std::string()), m_tokens.end());
    std::sort(m_tokens.begin(), m_tokens.end(), [](const std::string &a, const std::string &b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    m_tokens.erase(std::unique(m_tokens.begin(), m_tokens.end()), m_tokens.end());
}

Placeholders Placeholders::fromExpected(const Json &expected)
{
    // The README's table of global tokens stands for run-time values in every case, whether or
    // not the case lists them: e.g. express_sync/query_runtime_memory lists `snf_role_arn` but
    // its output holds `sfn_role_arn`. Only tokens that cannot be mistaken for ordinary data.
    std::vector<std::string> tokens = {"snf_role_arn", "sfn_role_arn", "111111111111",
                                       "<region>", "<partition>"};
    if (const auto found = expected.find("placeholders");
        found != expected.end() && found->is_object()) {
        for (const auto &item : found->items())
            tokens.push_back(item.key());
    }
    if (const auto found = expected.find("extra_placeholders");
        found != expected.end() && found->is_array()) {
        for (const Json &entry : *found) {
            if (entry.is_object() && entry.contains("placeholder") &&
                entry.at("placeholder").is_string())
                tokens.push_back(entry.at("placeholder").get<std::string>());
        }
    }
    return Placeholders(std::move(tokens));
}

bool Placeholders::isToken(const std::string &text) const
{
    return std::find(m_tokens.begin(), m_tokens.end(), text) != m_tokens.end();
}

bool Placeholders::matches(const std::string &expected, const std::string &actual) const
{
    if (expected == actual)
        return true;
    std::vector<Part> parts;
    std::string literal;
    for (std::size_t i = 0; i < expected.size();) {
        const auto token = std::find_if(m_tokens.begin(), m_tokens.end(), [&](const std::string &t) {
            return expected.compare(i, t.size(), t) == 0;
        });
        if (token == m_tokens.end()) {
            literal += expected[i++];
            continue;
        }
        if (!literal.empty())
            parts.push_back({PartKind::Literal, std::exchange(literal, {})});
        parts.push_back({*token == "date" ? PartKind::Date : PartKind::Any, *token});
        i += token->size();
    }
    if (!literal.empty())
        parts.push_back({PartKind::Literal, literal});
    if (parts.size() == 1 && parts[0].kind == PartKind::Literal)
        return false;
    return Matcher(parts, actual).match(0, 0);
}

Json decodeJsonTexts(const Json &value, const CompareOptions &options)
{
    if (value.is_array()) {
        Json out = Json::array();
        for (const Json &item : value)
            out.push_back(decodeJsonTexts(item, options));
        return out;
    }
    if (!value.is_object())
        return value;
    Json out = Json::object();
    for (const auto &[key, member] : value.items()) {
        if (member.is_string()) {
            const std::string &text = member.get_ref<const std::string &>();
            const bool decodeAny = options.decodeAllOutputs && key == "output";
            if (decodeAny || (!text.empty() && text[0] == '{')) {
                Json parsed = Json::parse(text, nullptr, false);
                if (!parsed.is_discarded() && (decodeAny || parsed.is_object())) {
                    out[key] = std::move(parsed);
                    continue;
                }
            }
            out[key] = member;
        } else {
            out[key] = decodeJsonTexts(member, options);
        }
    }
    return out;
}

std::optional<std::string> compareValues(const Json &expected, const Json &actual,
                                         const Placeholders &placeholders, const std::string &path)
{
    if (expected.is_string() && placeholders.isToken(expected.get_ref<const std::string &>()))
        return std::nullopt;
    if (expected.is_number() && actual.is_number())
        return numbersEqual(expected, actual) ? std::nullopt
                                              : std::optional(difference(path, expected, actual));
    if (expected.type() != actual.type())
        return difference(path, expected, actual);
    if (expected.is_string()) {
        const auto &want = expected.get_ref<const std::string &>();
        const auto &got = actual.get_ref<const std::string &>();
        return placeholders.matches(want, got) || isPythonRendering(want, got)
                   ? std::nullopt
                   : std::optional(difference(path, expected, actual));
    }
    if (expected.is_object())
        return compareObjects(expected, actual, placeholders, path);
    if (expected.is_array()) {
        if (expected.size() != actual.size())
            return path + ": expected " + std::to_string(expected.size()) + " items, got " +
                   std::to_string(actual.size()) + ": " + shortText(actual);
        for (std::size_t i = 0; i < expected.size(); ++i) {
            if (auto diff = compareValues(expected[i], actual[i], placeholders,
                                          path + "[" + std::to_string(i) + "]"))
                return diff;
        }
        return std::nullopt;
    }
    return expected == actual ? std::nullopt : std::optional(difference(path, expected, actual));
}

std::optional<std::string> compareHistories(const Json &expectedEvents, const Json &actualEvents,
                                            const Placeholders &placeholders,
                                            const CompareOptions &options)
{
    if (!expectedEvents.is_array() || !actualEvents.is_array())
        return std::string("events: no history to compare");
    const Json actual = decodeJsonTexts(actualEvents, options);
    // Expected ids outside normalised ranges are AWS's real ids: event id K is actual[K - 1].
    std::size_t lastId = 0;
    std::vector<Json> range;
    for (const Json &event : expectedEvents) {
        if (isNormalised(event)) {
            range.push_back(event);
            continue;
        }
        const std::size_t id = eventId(event);
        if (id == 0 || id <= lastId)
            return "events: recorded event without a usable id: " + shortText(event);
        if (!range.empty()) {
            if (auto diff = compareRange(range, actual, lastId, id - 1, placeholders))
                return diff;
            range.clear();
        } else if (id != lastId + 1) {
            return "events: recorded ids jump from " + std::to_string(lastId) + " to " +
                   std::to_string(id);
        }
        if (id > actual.size())
            return "events: expected event id " + std::to_string(id) + " (" +
                   event.value("type", "?") + "), got only " + std::to_string(actual.size()) +
                   " events";
        if (auto diff = compareValues(withoutKeys(event, {"timestamp"}),
                                      withoutKeys(actual[id - 1], {"timestamp"}), placeholders,
                                      "events[" + std::to_string(id - 1) + "]"))
            return *diff + "\n    (expected type " + event.value("type", "?") + ", got " +
                   actual[id - 1].value("type", "?") + ")";
        lastId = id;
    }
    if (!range.empty())
        return compareRange(range, actual, lastId, actual.size(), placeholders);
    if (actual.size() != lastId)
        return "events: expected " + std::to_string(lastId) + " events, got " +
               std::to_string(actual.size());
    return std::nullopt;
}

} // namespace stepwise::conformance
