// JSON text view with a small syntax highlighter (keys, strings, numbers, literals).
#include "ui/debug/JsonView.h"

#include <QFontDatabase>
#include <QRegularExpression>
#include <QSyntaxHighlighter>

namespace stepwise::ui {
namespace {

class JsonHighlighter : public QSyntaxHighlighter
{
public:
    explicit JsonHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
    {
        m_key.setForeground(QColor(0x1F, 0x6F, 0xD1));
        m_string.setForeground(QColor(0x03, 0x7F, 0x0C));
        m_number.setForeground(QColor(0xB3, 0x5C, 0x00));
        m_literal.setForeground(QColor(0x7B, 0x61, 0xFF));
    }

protected:
    void highlightBlock(const QString &text) override
    {
        static const QRegularExpression strings(QStringLiteral(R"("(?:[^"\\]|\\.)*"(\s*:)?)"));
        static const QRegularExpression numbers(QStringLiteral(R"((?<![\w"])-?\d+(\.\d+)?([eE][+-]?\d+)?)"));
        static const QRegularExpression literals(QStringLiteral(R"(\b(true|false|null)\b)"));
        for (auto it = numbers.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()), m_number);
        }
        for (auto it = literals.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()), m_literal);
        }
        for (auto it = strings.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            const bool isKey = m.capturedLength(1) > 0;
            setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()),
                      isKey ? m_key : m_string);
        }
    }

private:
    QTextCharFormat m_key, m_string, m_number, m_literal;
};

} // namespace

JsonView::JsonView(QWidget *parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    new JsonHighlighter(document());
}

void JsonView::showJson(const std::optional<Json> &value, const QString &placeholder)
{
    if (value) {
        setPlaceholderText({});
        setPlainText(QString::fromStdString(value->dump(2)));
    } else {
        setPlainText({});
        setPlaceholderText(placeholder);
    }
}

void JsonView::setEditable(bool editable)
{
    setReadOnly(!editable);
}

} // namespace stepwise::ui
