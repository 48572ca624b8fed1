#pragma once
// AWS Step Functions Local's MockConfigFile.json, loaded and checked (ASL spec §11.1).
#include "core/common/Json.h"
#include "core/common/Result.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stepwise::engine {

struct MockConfigError
{
    std::string message;
    std::string pointer; // JSON Pointer of the offending value; "" for the whole file
};

// One entry of a mocked response: a service result (Return) or a failure (Throw).
struct MockEntry
{
    bool isReturn = true;
    Json result;                      // Return value
    std::optional<std::string> error; // Throw.Error
    std::optional<std::string> cause; // Throw.Cause
};

// The entries of one mocked response, by invocation number (0-based, contiguous ranges).
class MockResponse
{
public:
    // Appends the entry for the next `count` invocations.
    void append(std::size_t count, MockEntry entry);
    // The entry for invocation `n`, or nullptr once the sequence is exhausted.
    const MockEntry *at(std::size_t n) const;
    // Number of invocations the response covers.
    std::size_t size() const { return m_ends.empty() ? 0 : m_ends.back(); }

private:
    std::vector<std::size_t> m_ends; // exclusive end of each range
    std::vector<MockEntry> m_entries;
};

// Task state name → mocked response name.
using MockTestCase = std::map<std::string, std::string>;

class MockConfig
{
public:
    static Result<MockConfig, MockConfigError> fromJson(const Json &document);
    static Result<MockConfig, MockConfigError> parse(std::string_view text);

    std::vector<std::string> stateMachineNames() const;
    std::vector<std::string> testCaseNames(const std::string &stateMachine) const;

    // The test case, with every response it names checked to exist.
    Result<MockTestCase, MockConfigError> testCase(const std::string &stateMachine,
                                                   const std::string &testCase) const;

    const MockResponse *response(const std::string &name) const;

private:
    std::map<std::string, std::map<std::string, MockTestCase>> m_stateMachines;
    std::map<std::string, MockResponse> m_responses;
};

// "/a/b" style pointer segment escaping (RFC 6901).
std::string pointerSegment(const std::string &key);

} // namespace stepwise::engine
