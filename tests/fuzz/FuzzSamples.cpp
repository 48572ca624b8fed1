#include "tests/fuzz/FuzzSamples.h"

namespace stepwise::fuzz {

// A state input with every JSON type, nested arrays and objects, so paths and expressions
// find something to walk.
const Json &sampleInput()
{
    static const Json input = Json::parse(R"({
        "a": 1, "b": -2.5, "s": "text", "t": true, "n": null, "e": "",
        "arr": [1, 2, 3, {"x": 4, "y": [5, 6]}, "seven", [8, 9]],
        "obj": {"k": "v", "deep": {"deeper": {"deepest": [0, 1e300, -0.0]}}},
        "items": [{"id": 1, "price": 9.5, "tags": ["a", "b"]},
                  {"id": 2, "price": 20, "tags": []}, {"id": 3}],
        "json": "{\"p\": [1, 2]}", "b64": "aGVsbG8=", "date": "2024-01-01T00:00:00Z"
    })");
    return input;
}

const Json &sampleContext()
{
    static const Json context = Json::parse(R"({
        "Execution": {"Id": "arn:aws:states:us-east-1:123456789012:execution:M:e", "Input": {}},
        "State": {"Name": "S", "EnteredTime": "2024-01-01T00:00:00Z", "RetryCount": 0},
        "StateMachine": {"Id": "arn:aws:states:us-east-1:123456789012:stateMachine:M"},
        "Task": {"Token": "tok"}, "Map": {"Item": {"Index": 0, "Value": 1}}
    })");
    return context;
}

const Json &sampleVariables()
{
    static const Json variables = Json::parse(R"({"v": 1, "list": [1, 2], "o": {"k": "v"}})");
    return variables;
}

} // namespace stepwise::fuzz
