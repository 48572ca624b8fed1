#pragma once
// Bringing one field of a form into view and focus from a JSON pointer into the object the
// form edits (a problem's location, say "/Retry/0/ErrorEquals" inside a state): the list
// editors move to the element, the Choice rules editor to the rule, then the field's own
// editor takes the keyboard focus.
#include <string>
#include <vector>

class QWidget;

namespace stepwise::ui {

class FieldForm;

// Focuses the editor of the field at `tokens` (unescaped pointer segments relative to the
// form's object) in `form`; returns the widget that took focus, or nullptr when the form has
// no such field.
QWidget *focusFieldIn(FieldForm &form, const std::vector<std::string> &tokens);

} // namespace stepwise::ui
