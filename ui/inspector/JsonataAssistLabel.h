#pragma once
// The line under a field that may hold `{% %}` expressions: the parser's error (code, message,
// position) while the text does not compile, else the value the field evaluates to against the
// selected state's input in the run ("→ …", "→ undefined" or the evaluation error). Hidden for
// fields without expressions.
#include "core/common/Json.h"
#include "ui/debug/VisitContext.h"

#include <QLabel>

#include <optional>

namespace stepwise::ui {

class JsonataAssistLabel : public QLabel
{
    Q_OBJECT
public:
    explicit JsonataAssistLabel(QWidget *parent = nullptr);

    // The field's value as typed (nullopt: empty or not JSON yet).
    void setFieldValue(const std::optional<Json> &value);
    // What the state saw in the run; nullopt when it has not run.
    void setVisit(const std::optional<VisitContext> &visit);
    bool showsError() const { return m_error; }

private:
    void refresh();

    std::optional<Json> m_value;
    std::optional<VisitContext> m_visit;
    bool m_error = false;
};

} // namespace stepwise::ui
