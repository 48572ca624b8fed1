#pragma once
// Colours `{% ... %}` JSONata expressions inside a field's text, and the variables ($states,
// $name) and strings inside them, so expressions stand out from plain JSON values.
#include <QSyntaxHighlighter>

namespace stepwise::ui {

class JsonataHighlighter : public QSyntaxHighlighter
{
public:
    explicit JsonataHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;
};

} // namespace stepwise::ui
