#pragma once
// A finding about a definition: data, not a failure (validation never throws).
#include <string>
#include <vector>

namespace stepwise {

enum class Severity { Error, Warning };

struct Diagnostic
{
    Severity severity = Severity::Error;
    std::string code;    // AWS diagnostic code, e.g. "SCHEMA_VALIDATION_FAILED"
    std::string path;    // JSON Pointer into the definition, e.g. "/States/Check/Next"; "" = root
    std::string message; // human text, AWS wording where AWS's is known
    int line = 0;        // 1-based source position for syntax errors, 0 when unknown
    int column = 0;
};

inline const char *severityName(Severity severity)
{
    return severity == Severity::Error ? "ERROR" : "WARNING";
}

inline bool hasErrors(const std::vector<Diagnostic> &diagnostics)
{
    for (const Diagnostic &d : diagnostics)
        if (d.severity == Severity::Error)
            return true;
    return false;
}

} // namespace stepwise
