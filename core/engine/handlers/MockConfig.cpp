// Loading and checking a MockConfigFile.json (ASL spec §11.1).
#include "core/engine/handlers/MockConfig.h"

#include <algorithm>
#include <charconv>

namespace stepwise::engine {
namespace {

using Error = MockConfigError;

struct Range
{
    std::size_t first = 0;
    std::size_t last = 0;
    std::string key;
};

std::optional<std::size_t> parseIndex(std::string_view text)
{
    if (text.empty() || text.size() > 9)
        return std::nullopt;
    std::size_t value = 0;
    const auto [end, code] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (code != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// "n" or "n-m" (inclusive, n <= m).
std::optional<Range> parseRange(const std::string &key)
{
    const auto dash = key.find('-');
    const auto first = parseIndex(std::string_view(key).substr(0, dash));
    if (!first)
        return std::nullopt;
    if (dash == std::string::npos)
        return Range{*first, *first, key};
    const auto last = parseIndex(std::string_view(key).substr(dash + 1));
    if (!last || *last < *first)
        return std::nullopt;
    return Range{*first, *last, key};
}

std::optional<Error> readThrow(const Json &value, const std::string &at, MockEntry &entry)
{
    if (!value.is_object())
        return Error{"Throw must be an object with Error and Cause", at};
    for (const auto &[key, member] : value.items()) {
        if (key != "Error" && key != "Cause")
            return Error{"unknown member '" + key + "' in Throw (expected Error, Cause)",
                         at + "/" + pointerSegment(key)};
        if (!member.is_string())
            return Error{key + " must be a string", at + "/" + key};
        (key == "Error" ? entry.error : entry.cause) = member.get<std::string>();
    }
    entry.isReturn = false;
    return std::nullopt;
}

std::optional<Error> readEntry(const Json &value, const std::string &at, MockEntry &entry)
{
    if (!value.is_object())
        return Error{"an entry must be an object with either Return or Throw", at};
    const bool hasReturn = value.contains("Return");
    const bool hasThrow = value.contains("Throw");
    if (hasReturn == hasThrow)
        return Error{hasReturn ? "an entry must not have both Return and Throw"
                               : "an entry needs either Return or Throw",
                     at};
    for (const auto &[key, member] : value.items()) {
        if (key != "Return" && key != "Throw")
            return Error{"unknown member '" + key + "' (expected Return or Throw)",
                         at + "/" + pointerSegment(key)};
    }
    if (hasThrow)
        return readThrow(value.at("Throw"), at + "/Throw", entry);
    entry.isReturn = true;
    entry.result = value.at("Return");
    return std::nullopt;
}

// Keys must cover 0, 1, 2, ... without gaps or overlaps.
std::optional<Error> readResponse(const Json &value, const std::string &at, MockResponse &out)
{
    if (!value.is_object() || value.empty())
        return Error{"a mocked response must be a non-empty object keyed by invocation number",
                     at};
    std::vector<Range> ranges;
    for (const auto &[key, member] : value.items()) {
        const auto range = parseRange(key);
        if (!range)
            return Error{"invalid invocation key '" + key + "' (expected \"n\" or \"n-m\")",
                         at + "/" + pointerSegment(key)};
        ranges.push_back(*range);
    }
    std::sort(ranges.begin(), ranges.end(),
              [](const Range &a, const Range &b) { return a.first < b.first; });
    std::size_t next = 0;
    for (const Range &range : ranges) {
        const std::string entryAt = at + "/" + pointerSegment(range.key);
        if (range.first != next)
            return Error{range.first < next
                             ? "invocation " + std::to_string(range.first) + " is defined twice"
                             : "invocations " + std::to_string(next) + " to " +
                                   std::to_string(range.first - 1) + " are missing",
                         entryAt};
        MockEntry entry;
        if (auto error = readEntry(value.at(range.key), entryAt, entry))
            return error;
        out.append(range.last - range.first + 1, std::move(entry));
        next = range.last + 1;
    }
    return std::nullopt;
}

std::optional<Error> readTestCase(const Json &value, const std::string &at, MockTestCase &out)
{
    if (!value.is_object())
        return Error{"a test case must map state names to mocked response names", at};
    for (const auto &[state, response] : value.items()) {
        if (!response.is_string())
            return Error{"the mocked response name must be a string",
                         at + "/" + pointerSegment(state)};
        out[state] = response.get<std::string>();
    }
    return std::nullopt;
}

std::optional<Error> requireObject(const Json &document, const char *key)
{
    if (!document.contains(key))
        return Error{std::string("missing member '") + key + "'", ""};
    if (!document.at(key).is_object())
        return Error{std::string(key) + " must be an object", std::string("/") + key};
    return std::nullopt;
}

} // namespace

std::string pointerSegment(const std::string &key)
{
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

Result<MockConfig, MockConfigError> MockConfig::fromJson(const Json &document)
{
    if (!document.is_object())
        return unexpected(Error{"a mock config must be a JSON object", ""});
    for (const char *key : {"StateMachines", "MockedResponses"}) {
        if (auto error = requireObject(document, key))
            return unexpected(*error);
    }
    MockConfig config;
    for (const auto &[name, value] : document.at("MockedResponses").items()) {
        const std::string at = "/MockedResponses/" + pointerSegment(name);
        if (auto error = readResponse(value, at, config.m_responses[name]))
            return unexpected(*error);
    }
    for (const auto &[machine, value] : document.at("StateMachines").items()) {
        const std::string at = "/StateMachines/" + pointerSegment(machine);
        if (!value.is_object() || !value.contains("TestCases") || !value.at("TestCases").is_object())
            return unexpected(Error{"a state machine needs a TestCases object", at});
        auto &cases = config.m_stateMachines[machine];
        for (const auto &[name, testCase] : value.at("TestCases").items()) {
            const std::string caseAt = at + "/TestCases/" + pointerSegment(name);
            if (auto error = readTestCase(testCase, caseAt, cases[name]))
                return unexpected(*error);
        }
    }
    for (const auto &[machine, cases] : config.m_stateMachines) {
        for (const auto &entry : cases) {
            auto checked = config.testCase(machine, entry.first);
            if (!checked)
                return unexpected(checked.error());
        }
    }
    return config;
}

Result<MockConfig, MockConfigError> MockConfig::parse(std::string_view text)
{
    Json document = Json::parse(text.begin(), text.end(), nullptr, false);
    if (document.is_discarded())
        return unexpected(Error{"the mock config is not valid JSON", ""});
    return fromJson(document);
}

void MockResponse::append(std::size_t count, MockEntry entry)
{
    m_ends.push_back(size() + count);
    m_entries.push_back(std::move(entry));
}

const MockEntry *MockResponse::at(std::size_t n) const
{
    const auto it = std::upper_bound(m_ends.begin(), m_ends.end(), n);
    if (it == m_ends.end())
        return nullptr;
    return &m_entries[static_cast<std::size_t>(it - m_ends.begin())];
}

std::vector<std::string> MockConfig::stateMachineNames() const
{
    std::vector<std::string> names;
    for (const auto &entry : m_stateMachines)
        names.push_back(entry.first);
    return names;
}

std::vector<std::string> MockConfig::testCaseNames(const std::string &stateMachine) const
{
    std::vector<std::string> names;
    if (const auto it = m_stateMachines.find(stateMachine); it != m_stateMachines.end()) {
        for (const auto &entry : it->second)
            names.push_back(entry.first);
    }
    return names;
}

Result<MockTestCase, MockConfigError> MockConfig::testCase(const std::string &stateMachine,
                                                           const std::string &testCase) const
{
    const auto machine = m_stateMachines.find(stateMachine);
    if (machine == m_stateMachines.end())
        return unexpected(Error{"the mock config has no state machine '" + stateMachine + "'",
                                "/StateMachines"});
    const std::string at = "/StateMachines/" + pointerSegment(stateMachine) + "/TestCases";
    const auto found = machine->second.find(testCase);
    if (found == machine->second.end())
        return unexpected(Error{"state machine '" + stateMachine + "' has no test case '" +
                                    testCase + "'",
                                at});
    for (const auto &[state, response] : found->second) {
        if (!m_responses.count(response))
            return unexpected(Error{"unknown mocked response '" + response + "'",
                                    at + "/" + pointerSegment(testCase) + "/" +
                                        pointerSegment(state)});
    }
    return found->second;
}

const MockResponse *MockConfig::response(const std::string &name) const
{
    const auto it = m_responses.find(name);
    return it == m_responses.end() ? nullptr : &it->second;
}

} // namespace stepwise::engine
