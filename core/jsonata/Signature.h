#pragma once
// Function signatures (JSONata docs "Function signatures"): parsing and argument validation.
#include "core/jsonata/Value.h"

#include <memory>
#include <regex>
#include <string>
#include <vector>

namespace stepwise::jsonata {

struct SignatureParam
{
    char type = 'x';
    std::string regex;
    std::string subtype;
    bool context = false;
    std::string contextRegex;
};

struct Signature
{
    std::string text;
    std::vector<SignatureParam> params;
    std::shared_ptr<std::regex> matcher;

    // Throws EvalError T0410/T0411/T0412; returns the arguments to pass.
    std::vector<Value> validate(const std::vector<Value> &args, const Value &context,
                                const std::string &functionName) const;
};

Signature parseSignature(const std::string &text, std::size_t position);

} // namespace stepwise::jsonata
