#pragma once
// Shared state of one validation run (ASL spec §1): collected diagnostics, the options, the
// machine-wide sets (state names, labels) and helpers that build JSON Pointers.
#include "core/asl/Validator.h"
#include "core/common/Diagnostic.h"
#include "core/common/Json.h"

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace stepwise::asl::validator {

enum class QueryLanguage { JsonPath, Jsonata };

inline constexpr int kMaxMachineNesting = 50;   // Map/Parallel levels (§1.8.5)
inline constexpr int kMaxChoiceRuleNesting = 50; // And/Or/Not levels
inline constexpr int kMaxTemplateNesting = 100;  // payload template objects/arrays

inline constexpr const char *kSchema = "SCHEMA_VALIDATION_FAILED";
inline constexpr const char *kMissingTarget = "MISSING_TRANSITION_TARGET";
inline constexpr const char *kMissingEnd = "MISSING_END_STATE";
inline constexpr const char *kDuplicateState = "DUPLICATE_STATE_NAME";
inline constexpr const char *kInvalidStateName = "INVALID_STATE_NAME";
inline constexpr const char *kTooDeep = "TOO_DEEPLY_NESTED";
inline constexpr const char *kDuplicateLabel = "DUPLICATE_LABEL_NAME";
inline constexpr const char *kInvalidLabel = "INVALID_LABEL_NAME";
inline constexpr const char *kInvalidJsonata = "INVALID_JSONATA_EXPRESSION";
inline constexpr const char *kNoDollar = "NO_DOLLAR";
inline constexpr const char *kNoPath = "NO_PATH";
inline constexpr const char *kPassResultIsStatic = "PASS_RESULT_IS_STATIC";
inline constexpr const char *kNoReachableEnd = "NO_REACHABLE_END_STATE";

// Appends one escaped reference token to a JSON Pointer (RFC 6901).
std::string childPointer(const std::string &pointer, std::string_view token);
std::string childPointer(const std::string &pointer, std::size_t index);

// Number of Unicode code points of a UTF-8 string.
std::size_t codePointCount(std::string_view text);

// Reads an optional string member; empty when missing or not a string.
std::string stringMember(const Json &object, const char *key);

class ValidationContext
{
public:
    explicit ValidationContext(const ValidationOptions &options) : m_options(options) {}

    void error(const std::string &pointer, std::string message, const char *code = kSchema);
    void warning(const std::string &pointer, std::string message, const char *code);

    const ValidationOptions &options() const { return m_options; }
    QueryLanguage topLanguage() const { return m_topLanguage; }
    void setTopLanguage(QueryLanguage language) { m_topLanguage = language; }

    // False when the name was seen before anywhere in the machine.
    bool registerStateName(const std::string &name) { return m_stateNames.insert(name).second; }
    bool registerLabel(const std::string &label) { return m_labels.insert(label).second; }

    std::vector<Diagnostic> takeDiagnostics() { return std::move(m_diagnostics); }

private:
    ValidationOptions m_options;
    QueryLanguage m_topLanguage = QueryLanguage::JsonPath;
    std::set<std::string> m_stateNames;
    std::set<std::string> m_labels;
    std::vector<Diagnostic> m_diagnostics;
};

// Where a state lives: its JSON, pointer, name, effective query language and nesting depth.
struct StateRef
{
    const Json &json;
    std::string pointer;
    std::string name;
    QueryLanguage language;
    int depth; // number of enclosing Map/Parallel states
};

// Entry points of the check families (one file each).
void checkMachine(ValidationContext &ctx, const Json &machine, const std::string &pointer,
                  int depth, bool topLevel);
void checkGraph(ValidationContext &ctx, const Json &states, const std::string &statesPointer,
                const std::string &startAt, const std::string &rootPointer);
void checkStateFields(ValidationContext &ctx, const StateRef &state, const std::string &type);
void checkStateValues(ValidationContext &ctx, const StateRef &state, const std::string &type);
void checkMapState(ValidationContext &ctx, const StateRef &state);
void checkChoiceState(ValidationContext &ctx, const StateRef &state);
void checkRetryCatch(ValidationContext &ctx, const StateRef &state);
void checkResource(ValidationContext &ctx, const StateRef &state);

// Payload templates and paths (§2.3, §2.4, §5.1); `what` names the field in messages.
void checkPayloadTemplate(ValidationContext &ctx, const Json &value, const std::string &pointer,
                          QueryLanguage language);
void checkAssign(ValidationContext &ctx, const Json &assign, const std::string &pointer,
                 QueryLanguage language);
// A Path field (InputPath/OutputPath): any JSONPath, `$$`, `$var`.
void checkPathField(ValidationContext &ctx, const Json &value, const std::string &pointer,
                    const std::string &field, bool allowNull);
// An integer field with a range; in JSONata states a `{% %}` expression is also accepted.
void checkIntegerField(ValidationContext &ctx, const StateRef &state, const Json &object,
                       const std::string &objectPointer, const char *field, int64_t min,
                       int64_t max);
// A Reference Path field (ResultPath, ItemsPath, ...Path, Variable).
void checkReferencePathField(ValidationContext &ctx, const Json &value, const std::string &field,
                             const std::string &pointer, bool isResultPath);
// JSONata `{% %}` well-formedness of every string inside `value`.
void checkJsonataStrings(ValidationContext &ctx, const Json &value, const std::string &pointer);
bool isJsonataExpression(const Json &value);
bool isValidIntrinsicCall(const std::string &text);

// "The QueryLanguage is set to 'JSONPath', but field 'X' is only supported for ..." (§1.3).
std::string queryLanguageMessage(QueryLanguage language, const std::string &field);

bool isRfc3339Timestamp(std::string_view text);

} // namespace stepwise::asl::validator
