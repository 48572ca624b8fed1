#pragma once
// One editable field of an ASL object, as data: where it lives (a key path inside the object),
// how it is edited and which query language it belongs to. The forms are lists of these.
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace stepwise::ui {

enum class FieldKind {
    Text,      // a string; empty removes the field
    Path,      // a JSONPath; "null" writes JSON null (ASL: discard / empty input)
    Number,    // a number, or a JSONata "{% ... %}" string
    ErrorList, // ErrorEquals: comma-separated names
    Json,      // any JSON value (templates, Assign, Output, ...)
    Enum,      // one of `options` (empty: unset)
    Bool,      // true / false / unset
    Resource,  // a Task resource ARN with a picker of known integrations
    StateRef,  // the name of a state in the same machine
    NextOrEnd, // Next (a state) or End: true
};

enum class FieldLanguage { Any, JSONPath, JSONata };

struct FieldSpec
{
    std::vector<std::string> key; // e.g. {"TimeoutSeconds"} or {"ItemProcessor", "ProcessorConfig", "Mode"}
    QString label;
    FieldKind kind = FieldKind::Text;
    FieldLanguage language = FieldLanguage::Any;
    QString toolTip;
    QStringList options; // Enum values; Resource suggestions
    QString placeholder;
};

} // namespace stepwise::ui
