#include "ui/commands/JsonataConversion.h"

#include <cctype>
#include <optional>
#include <set>

namespace stepwise::ui {
namespace {

using Text = Result<std::string, std::string>;

bool isIdentifierStart(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}

bool isIdentifierChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// The steps after the root: ".name" and "[3]" only (the subset every JSONPath engine and JSONata
// read the same way). Names that are not identifiers are quoted with backticks.
Text convertSteps(const std::string &path, std::size_t at, const std::string &root)
{
    std::string out = root;
    while (at < path.size()) {
        if (path[at] == '.') {
            std::size_t end = at + 1;
            while (end < path.size() && path[end] != '.' && path[end] != '[')
                ++end;
            const std::string name = path.substr(at + 1, end - at - 1);
            if (name.empty() || name == "*" || name.find('`') != std::string::npos)
                return unexpected("the path " + path + " has no mechanical JSONata equivalent");
            bool plain = isIdentifierStart(name[0]);
            for (char c : name)
                plain = plain && isIdentifierChar(c);
            out += plain ? "." + name : ".`" + name + "`";
            at = end;
        } else if (path[at] == '[') {
            const std::size_t close = path.find(']', at);
            if (close == std::string::npos)
                return unexpected("the path " + path + " is not a valid JSONPath");
            const std::string index = path.substr(at + 1, close - at - 1);
            if (index.empty() || index.find_first_not_of("0123456789") != std::string::npos)
                return unexpected("the path " + path +
                                  " uses a filter, slice or wildcard, which has no mechanical "
                                  "JSONata equivalent");
            out += "[" + index + "]";
            at = close + 1;
        } else {
            return unexpected("the path " + path + " is not a simple reference path");
        }
    }
    return out;
}

// "$.x" under `root`, for template values and *Path fields.
Text pathExpression(const Json &value, const std::string &root, const std::string &field)
{
    if (!value.is_string())
        return unexpected(field + " must be a path string");
    const std::string path = value.get<std::string>();
    if (path.starts_with("States."))
        return unexpected(field + " calls the intrinsic function " +
                          path.substr(0, path.find('(')) + "; rewrite it in JSONata by hand");
    auto converted = jsonPathToJsonata(path, root);
    if (!converted)
        return unexpected(field + ": " + converted.error());
    return converted;
}

std::string wrap(const std::string &expression)
{
    return "{% " + expression + " %}";
}

// A Parameters / ResultSelector / ItemSelector template: "key.$" → "key": "{% expr %}".
Result<Json, std::string> convertTemplate(const Json &value, const std::string &root,
                                          const std::string &field)
{
    if (value.is_object()) {
        Json out = Json::object();
        for (auto it = value.begin(); it != value.end(); ++it) {
            const std::string &key = it.key();
            if (key.size() > 2 && key.ends_with(".$")) {
                auto expression = pathExpression(it.value(), root, field + "/" + key);
                if (!expression)
                    return unexpected(expression.error());
                out[key.substr(0, key.size() - 2)] = wrap(*expression);
            } else {
                auto inner = convertTemplate(it.value(), root, field + "/" + key);
                if (!inner)
                    return inner;
                out[key] = std::move(inner).value();
            }
        }
        return out;
    }
    if (value.is_array()) {
        Json out = Json::array();
        for (std::size_t i = 0; i < value.size(); ++i) {
            auto inner = convertTemplate(value[i], root, field + "/" + std::to_string(i));
            if (!inner)
                return inner;
            out.push_back(std::move(inner).value());
        }
        return out;
    }
    if (value.is_string() && value.get<std::string>().starts_with("{%"))
        return unexpected(field + " already holds a JSONata expression");
    return value;
}

// A template as one JSONata expression (to compose with $merge): JSON literals are JSONata
// literals; "{% e %}" values become `e`.
std::string templateExpression(const Json &converted)
{
    if (converted.is_string()) {
        const std::string &text = converted.get_ref<const std::string &>();
        if (text.starts_with("{% ") && text.ends_with(" %}"))
            return "(" + text.substr(3, text.size() - 6) + ")";
        return converted.dump();
    }
    if (converted.is_object()) {
        std::string out = "{";
        bool first = true;
        for (auto it = converted.begin(); it != converted.end(); ++it) {
            out += (first ? "" : ", ") + Json(it.key()).dump() + ": " +
                   templateExpression(it.value());
            first = false;
        }
        return out + "}";
    }
    if (converted.is_array()) {
        std::string out = "[";
        for (std::size_t i = 0; i < converted.size(); ++i)
            out += (i ? ", " : "") + templateExpression(converted[i]);
        return out + "]";
    }
    return converted.dump();
}

// "$.name" → "name" (ResultPath with one level); nullopt for anything deeper.
std::optional<std::string> singleKey(const std::string &path)
{
    if (!path.starts_with("$.") || path.size() < 3)
        return std::nullopt;
    const std::string key = path.substr(2);
    if (!isIdentifierStart(key[0]))
        return std::nullopt;
    for (char c : key)
        if (!isIdentifierChar(c))
            return std::nullopt;
    return key;
}

// Where the result goes (ResultPath) as an expression over `input` and `result`.
Text applyResultPath(const Json &state, const char *field, const std::string &input,
                     const std::string &result)
{
    auto it = state.find(field);
    if (it == state.end() || *it == Json("$"))
        return result;
    if (it->is_null())
        return input;
    if (!it->is_string())
        return unexpected(std::string(field) + " must be a path or null");
    const auto key = singleKey(it->get<std::string>());
    if (!key)
        return unexpected(std::string(field) + " " + it->get<std::string>() +
                          " reaches below the top level; write the $merge by hand");
    return "$merge([" + input + ", {" + Json(*key).dump() + ": " + result + "}])";
}

const std::set<std::string> &convertibleTypes()
{
    static const std::set<std::string> types{"Task", "Pass", "Wait", "Succeed", "Fail",
                                             "Parallel", "Map"};
    return types;
}

} // namespace

Text jsonPathToJsonata(const std::string &path, const std::string &inputRoot)
{
    if (path == "$")
        return inputRoot;
    if (path.starts_with("$$"))
        return convertSteps(path, 2, "$states.context");
    if (path.starts_with("$.") || path.starts_with("$["))
        return convertSteps(path, 1, inputRoot);
    if (path.size() > 1 && path[0] == '$' && isIdentifierStart(path[1])) { // a variable
        std::size_t end = 1;
        while (end < path.size() && isIdentifierChar(path[end]))
            ++end;
        return convertSteps(path, end, path.substr(0, end));
    }
    return unexpected("the path " + path + " is not a reference path");
}

Result<Json, std::string> convertStateToJsonata(const Json &state)
{
    if (!state.is_object() || !state.contains("Type") || !state.at("Type").is_string())
        return unexpected(std::string("The state has no Type"));
    const std::string type = state.at("Type").get<std::string>();
    if (state.value("QueryLanguage", std::string()) == "JSONata")
        return unexpected(std::string("The state already uses JSONata"));
    if (type == "Choice")
        return unexpected(std::string("Choice rules become JSONata Conditions one by one; "
                                      "rewrite them in the rules editor"));
    if (!convertibleTypes().contains(type))
        return unexpected("A " + type + " state cannot be converted");
    if (auto assign = state.find("Assign"); assign != state.end() && assign->dump().find(".$\"") != std::string::npos)
        return unexpected(std::string("Assign reads paths (\".$\" keys); rewrite it in JSONata by hand"));

    // InputPath folded: every reference to the state input starts there.
    std::string input = "$states.input";
    if (auto it = state.find("InputPath"); it != state.end()) {
        if (it->is_null())
            return unexpected(std::string("InputPath null (an empty input) has no JSONata form"));
        auto folded = pathExpression(*it, "$states.input", "InputPath");
        if (!folded)
            return unexpected(folded.error());
        input = *folded;
    }

    Json out = Json::object();
    std::optional<Json> arguments;
    std::string result = "$states.result";
    for (auto it = state.begin(); it != state.end(); ++it) {
        const std::string &key = it.key();
        const Json &value = it.value();
        if (key == "InputPath" || key == "ResultSelector" || key == "ResultPath" ||
            key == "OutputPath" || key == "Result")
            continue; // folded into Arguments / Output below
        if (key == "Parameters" || key == "ItemSelector") {
            auto converted = convertTemplate(value, input, key);
            if (!converted)
                return unexpected(converted.error());
            if (type == "Pass") { // a Pass state's result is its Parameters
                result = templateExpression(*converted);
                continue;
            }
            if (key == "Parameters" && type == "Map") {
                out["ItemSelector"] = std::move(converted).value(); // the older name
                continue;
            }
            if (key == "Parameters") {
                out["Arguments"] = std::move(converted).value();
                continue;
            }
            out[key] = std::move(converted).value();
            continue;
        }
        if (key.ends_with("Path") && key != "ResultPath" && value.is_string()) {
            // ItemsPath, SecondsPath, TimestampPath, ErrorPath, CausePath, ...: the field without
            // "Path" as an expression. (Map's ItemsPath becomes Items.)
            auto expression = pathExpression(value, input, key);
            if (!expression)
                return unexpected(expression.error());
            const std::string target = key == "ItemsPath" ? "Items" : key.substr(0, key.size() - 4);
            if (state.contains(target))
                return unexpected(key + " and " + target + " are both set");
            out[target] = wrap(*expression);
            continue;
        }
        if (key == "Catch" && value.is_array()) {
            Json catchers = Json::array();
            for (std::size_t i = 0; i < value.size(); ++i) {
                Json catcher = value[i];
                auto output = applyResultPath(catcher, "ResultPath", "$states.input",
                                              "$states.errorOutput");
                if (!output)
                    return unexpected("Catch " + std::to_string(i) + ": " + output.error());
                catcher.erase("ResultPath");
                if (*output != "$states.errorOutput")
                    catcher["Output"] = wrap(*output);
                catchers.push_back(std::move(catcher));
            }
            out[key] = std::move(catchers);
            continue;
        }
        out[key] = value;
    }

    // Output: ResultSelector shapes the result, ResultPath places it in the input, OutputPath
    // picks from the whole.
    if (auto it = state.find("Result"); it != state.end())
        result = templateExpression(*it);
    else if (type == "Pass" && !state.contains("Parameters"))
        result = input;
    if (auto it = state.find("ResultSelector"); it != state.end()) {
        auto converted = convertTemplate(*it, "$states.result", "ResultSelector");
        if (!converted)
            return unexpected(converted.error());
        result = templateExpression(*converted);
    }
    const bool hasResult = type == "Task" || type == "Pass" || type == "Parallel" || type == "Map";
    std::string output = "$states.input";
    if (hasResult) {
        auto placed = applyResultPath(state, "ResultPath", "$states.input", result);
        if (!placed)
            return unexpected(placed.error());
        output = *placed;
    } else if (input != "$states.input") {
        output = input; // Wait / Succeed / Fail pass their (filtered) input on
    }
    if (auto it = state.find("OutputPath"); it != state.end()) {
        if (it->is_null())
            output = "{}";
        else {
            auto picked = pathExpression(*it, "(" + output + ")", "OutputPath");
            if (!picked)
                return unexpected(picked.error());
            output = *picked;
        }
    }
    const std::string unchanged = hasResult && type != "Pass" ? "$states.result" : "$states.input";
    if (output != unchanged && type != "Fail")
        out["Output"] = wrap(output);
    out["QueryLanguage"] = "JSONata";
    return out;
}

} // namespace stepwise::ui
