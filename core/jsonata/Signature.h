#pragma once
// Function signatures (JSONata docs "Function signatures"): parsing and argument validation.
#include "core/jsonata/Value.h"

#include <string>
#include <vector>

namespace stepwise::jsonata {

// One parameter: the argument type symbols it accepts (a regex character class in the reference
// implementation, matched here by a small backtracking matcher: std::regex per call was the
// evaluator's biggest cost).
struct SignatureParam
{
    char type = 'x';
    std::string accepts;   // type symbols, 'm' (missing) included
    bool optional = false; // '?', or '-' (the context may stand in)
    bool repeat = false;   // '+'
    std::string subtype;
    bool context = false;

    bool accepts_symbol(char symbol) const { return accepts.find(symbol) != std::string::npos; }
};

struct Signature
{
    std::string text;
    std::vector<SignatureParam> params;

    // Throws EvalError T0410/T0411/T0412; returns the arguments to pass.
    std::vector<Value> validate(const std::vector<Value> &args, const Value &context,
                                const std::string &functionName) const;
};

Signature parseSignature(const std::string &text, std::size_t position);

} // namespace stepwise::jsonata
