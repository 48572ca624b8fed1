#include "ui/inspector/ChoiceOperators.h"

#include "core/asl/Keys.h"

namespace stepwise::ui {

const std::vector<OperandType> &operandTypes()
{
    static const std::vector<OperandType> types{
        {"String", "String",
         {{"Equals", "equals"}, {"LessThan", "less than"}, {"GreaterThan", "greater than"},
          {"LessThanEquals", "less than or equal to"},
          {"GreaterThanEquals", "greater than or equal to"},
          {"Matches", "matches (* wildcards)"}}},
        {"Number", "Numeric",
         {{"Equals", "="}, {"LessThan", "<"}, {"GreaterThan", ">"}, {"LessThanEquals", "≤"},
          {"GreaterThanEquals", "≥"}}},
        {"Boolean", "Boolean", {{"Equals", "equals"}}},
        {"Timestamp", "Timestamp",
         {{"Equals", "equals"}, {"LessThan", "before"}, {"GreaterThan", "after"},
          {"LessThanEquals", "at or before"}, {"GreaterThanEquals", "at or after"}}},
        {"Type test", "Is",
         {{"Null", "is null"}, {"Present", "is present"}, {"Numeric", "is a number"},
          {"String", "is a string"}, {"Boolean", "is a boolean"},
          {"Timestamp", "is a timestamp"}}},
    };
    return types;
}

QStringList operatorKeysFor(const QString &operandType)
{
    QStringList names;
    for (const OperandType &type : operandTypes())
        if (operandType == QLatin1String(type.name))
            for (const auto &[suffix, text] : type.operators)
                names << QString::fromLatin1(type.prefix) + QString::fromLatin1(suffix);
    return names;
}

std::optional<Comparison> comparisonOf(const Json &rule)
{
    if (!rule.is_object())
        return std::nullopt;
    for (const auto &[key, value] : rule.items()) {
        if (!asl::keys::isComparisonOperator(key))
            continue;
        Comparison c;
        c.key = key;
        std::string base = key;
        if (base.ends_with("Path") && !base.starts_with("Is")) {
            c.path = true;
            base.resize(base.size() - 4);
        }
        const auto &types = operandTypes();
        for (std::size_t t = 0; t < types.size(); ++t)
            for (std::size_t o = 0; o < types[t].operators.size(); ++o)
                if (base == std::string(types[t].prefix) + types[t].operators[o].first) {
                    c.type = static_cast<int>(t);
                    c.op = static_cast<int>(o);
                    return c;
                }
    }
    return std::nullopt;
}

} // namespace stepwise::ui
