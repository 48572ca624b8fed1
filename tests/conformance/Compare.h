#pragma once
// Comparing an engine's results with AWS recordings by the rules of the conformance corpus
// (conformance/README.md, "Comparing results"): placeholders as wildcards, JSON-text decoding,
// normalised Parallel ranges, timestamps ignored, numbers by value.
#include "core/common/Json.h"

#include <optional>
#include <string>
#include <vector>

namespace stepwise::conformance {

class Placeholders
{
public:
    Placeholders() = default;
    explicit Placeholders(std::vector<std::string> tokens);

    // The tokens of a case: `placeholders` keys plus `extra_placeholders[].placeholder`.
    static Placeholders fromExpected(const Json &expected);

    bool isToken(const std::string &text) const;
    // Rule 3: each token is a wildcard (`date` an ISO-8601 date-time with zone or the word).
    bool matches(const std::string &expected, const std::string &actual) const;

private:
    std::vector<std::string> m_tokens; // longest first
};

struct CompareOptions
{
    bool decodeAllOutputs = false; // the recorder decoded every event `output`, not only objects
};

// Rule 2: string members of objects that hold JSON object text become that object (one level).
Json decodeJsonTexts(const Json &value, const CompareOptions &options = {});

// nullopt when `actual` matches `expected`, else the first difference with its path.
// A string that is exactly one token matches any value; numbers compare by value.
std::optional<std::string> compareValues(const Json &expected, const Json &actual,
                                         const Placeholders &placeholders,
                                         const std::string &path = "$");

// Whole histories: event count, then each event without `timestamp` (rule 4), with ranges
// normalised by rule 5 (ids recorded as [0]) compared as multisets ignoring the ids.
// `actualEvents` are raw engine events; rule 2 is applied to them here.
std::optional<std::string> compareHistories(const Json &expectedEvents, const Json &actualEvents,
                                            const Placeholders &placeholders,
                                            const CompareOptions &options = {});

} // namespace stepwise::conformance
