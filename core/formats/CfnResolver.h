#pragma once
// Evaluates the CloudFormation intrinsic functions a state machine's definition depends on —
// Ref, Fn::GetAtt, Fn::Sub, Fn::Join — the way a deployment would, as far as a template alone
// allows: parameters take their Default, pseudo parameters a fixed local account
// (us-east-1 / 123456789012), and resources the names and ARNs CloudFormation would give them
// (their explicit name property, else the logical id).
#include "core/formats/Template.h"

#include <map>
#include <set>

namespace stepwise::formats {

inline constexpr const char *kLocalRegion = "us-east-1";
inline constexpr const char *kLocalAccount = "123456789012";

class CfnResolver
{
public:
    explicit CfnResolver(const Json &templateDocument);

    // `value` with every intrinsic function replaced by its result; `pointer` locates errors.
    Result<Json, FormatError> resolve(const Json &value, const std::string &pointer) const;

    // Fn::Sub's template string: ${Name} from `variables`, then parameters, pseudo parameters
    // and resources; ${Resource.Attribute} as Fn::GetAtt; ${!Text} stays as the literal ${Text}.
    Result<std::string, FormatError> substitute(const std::string &text, const std::map<std::string, std::string> &variables,
                                                const std::string &pointer) const;

    // Names that Fn::Sub leaves as ${Name}: DefinitionSubstitutions keys, which CloudFormation
    // replaces only after evaluating the template's own functions.
    void keepPlaceholders(std::set<std::string> names) { m_kept = std::move(names); }

private:
    Result<Json, FormatError> resolveValue(const Json &value, const std::string &pointer) const;
    Result<Json, FormatError> resolveIntrinsic(const std::string &function, const Json &argument,
                                               const std::string &pointer) const;
    Result<Json, FormatError> ref(const std::string &name, const std::string &pointer) const;
    Result<Json, FormatError> getAtt(const std::string &resource, const std::string &attribute,
                                     const std::string &pointer) const;
    Result<std::string, FormatError> resolveToString(const Json &value, const std::string &pointer) const;
    // A resource's physical name: its name property when written, else its logical id.
    std::string physicalName(const std::string &logicalId, const Json &resource) const;
    const Json *serverlessFunction(const std::string &logicalId, std::string &functionName) const;

    const Json &m_template;
    std::set<std::string> m_kept;
    mutable int m_depth = 0;
};

// True when `value` is an object with one member named Ref, Condition or Fn::*.
bool isIntrinsic(const Json &value);

} // namespace stepwise::formats
