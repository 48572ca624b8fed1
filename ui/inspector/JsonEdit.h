#pragma once
// A JSON editor for one value: monospace, with the parse error (line and column) shown inline
// under the text. It commits only valid JSON, when editing finishes (focus leaves or
// Ctrl+Enter); an empty text means "no value".
#include "core/common/Json.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;

namespace stepwise::ui {

class JsonEdit : public QWidget
{
    Q_OBJECT
public:
    explicit JsonEdit(QWidget *parent = nullptr);

    // Shows `value` pretty-printed (nullopt: empty). Leaves the text alone while it is being
    // edited, so a refresh never moves the caret.
    void setValue(const std::optional<Json> &value);
    // The text as JSON; nullopt when empty. `ok` is false when the text is not valid JSON.
    std::optional<Json> value(bool *ok = nullptr) const;
    QString errorText() const;
    void setPlaceholderText(const QString &text);
    QPlainTextEdit *textEdit() const { return m_edit; }

signals:
    // Editing finished with valid JSON that differs from what was shown.
    void committed(const std::optional<Json> &value);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void check();
    void finish();
    void fitHeight();

    QPlainTextEdit *m_edit;
    QLabel *m_error;
    std::optional<Json> m_shown;
};

} // namespace stepwise::ui
