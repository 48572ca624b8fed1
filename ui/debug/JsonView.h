#pragma once
// A read-only, monospace, pretty-printed and highlighted JSON text (copyable like any text).
#include "core/common/Json.h"

#include <QPlainTextEdit>

#include <optional>

namespace stepwise::ui {

class JsonView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit JsonView(QWidget *parent = nullptr);

    // Shows `value` with a 2-space indent; nullopt shows `placeholder` in grey.
    void showJson(const std::optional<Json> &value, const QString &placeholder = {});
    // Makes the text editable (the input editor) while keeping the highlighting.
    void setEditable(bool editable);
};

} // namespace stepwise::ui
