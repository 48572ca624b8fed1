#include "ui/inspector/JsonataHighlighter.h"

#include <QColor>
#include <QFont>
#include <QRegularExpression>
#include <QTextCharFormat>

namespace stepwise::ui {

JsonataHighlighter::JsonataHighlighter(QTextDocument *document) : QSyntaxHighlighter(document) {}

void JsonataHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression expression(QStringLiteral("\\{%.*?%\\}"));
    static const QRegularExpression variable(QStringLiteral("\\$[A-Za-z_][A-Za-z0-9_]*"));
    static const QRegularExpression quoted(QStringLiteral("'[^']*'"));
    QTextCharFormat body;
    body.setForeground(QColor(0x8E, 0x44, 0xAD)); // the JSONata purple, readable on light and dark
    QTextCharFormat name = body;
    name.setFontWeight(QFont::Bold);
    QTextCharFormat string;
    string.setForeground(QColor(0x1E, 0x8E, 0x3E));
    for (auto it = expression.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        setFormat(static_cast<int>(match.capturedStart()), static_cast<int>(match.capturedLength()),
                  body);
        const QString inside = match.captured();
        for (auto v = variable.globalMatch(inside); v.hasNext();) {
            const QRegularExpressionMatch m = v.next();
            setFormat(static_cast<int>(match.capturedStart() + m.capturedStart()),
                      static_cast<int>(m.capturedLength()), name);
        }
        for (auto q = quoted.globalMatch(inside); q.hasNext();) {
            const QRegularExpressionMatch m = q.next();
            setFormat(static_cast<int>(match.capturedStart() + m.capturedStart()),
                      static_cast<int>(m.capturedLength()), string);
        }
    }
}

} // namespace stepwise::ui
