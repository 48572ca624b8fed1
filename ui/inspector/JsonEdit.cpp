#include "ui/inspector/JsonEdit.h"

#include "core/asl/Parser.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

#include <algorithm>

namespace stepwise::ui {

JsonEdit::JsonEdit(QWidget *parent)
    : QWidget(parent), m_edit(new QPlainTextEdit(this)), m_error(new QLabel(this))
{
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setTabChangesFocus(true);
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->installEventFilter(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #D91515;"));
    m_error->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit);
    layout->addWidget(m_error);
    setFocusProxy(m_edit);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        check();
        fitHeight();
    });
    fitHeight();
}

void JsonEdit::setValue(const std::optional<Json> &value)
{
    if (m_edit->hasFocus())
        return;
    m_shown = value;
    const QString text = value ? QString::fromStdString(value->dump(2)) : QString();
    if (m_edit->toPlainText() != text)
        m_edit->setPlainText(text);
    check();
}

std::optional<Json> JsonEdit::value(bool *ok) const
{
    const std::string text = m_edit->toPlainText().trimmed().toStdString();
    if (ok)
        *ok = true;
    if (text.empty())
        return std::nullopt;
    auto parsed = asl::parseDocument(text, asl::SourceFormat::Json);
    if (!parsed) {
        if (ok)
            *ok = false;
        return std::nullopt;
    }
    return std::move(parsed).value();
}

QString JsonEdit::errorText() const
{
    return m_error->text();
}

void JsonEdit::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

bool JsonEdit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit) {
        if (event->type() == QEvent::FocusOut)
            finish();
        if (event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
                key->modifiers().testFlag(Qt::ControlModifier)) {
                finish();
                return true;
            }
            if (key->key() == Qt::Key_Escape) { // back to the document's value
                const std::optional<Json> shown = m_shown;
                m_edit->clearFocus();
                setValue(shown);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void JsonEdit::check()
{
    const std::string text = m_edit->toPlainText().toStdString();
    auto parsed = text.find_first_not_of(" \t\r\n") == std::string::npos
                      ? Result<Json, asl::ParseError>(Json())
                      : asl::parseDocument(text, asl::SourceFormat::Json);
    if (parsed) {
        m_error->clear();
        m_error->hide();
        return;
    }
    const asl::ParseError &error = parsed.error();
    m_error->setText(tr("Line %1, column %2: %3")
                         .arg(error.line)
                         .arg(error.column)
                         .arg(QString::fromStdString(error.message)));
    m_error->show();
}

void JsonEdit::finish()
{
    bool ok = false;
    std::optional<Json> edited = value(&ok);
    if (!ok || edited == m_shown)
        return;
    m_shown = edited;
    emit committed(edited);
}

void JsonEdit::fitHeight()
{
    // Grow with the text up to a dozen lines, so short templates do not waste room.
    const int lines = std::clamp(m_edit->document()->blockCount(), 2, 12);
    const int height = m_edit->fontMetrics().lineSpacing() * lines +
                       2 * static_cast<int>(m_edit->document()->documentMargin()) + 6;
    m_edit->setFixedHeight(height);
}

} // namespace stepwise::ui
