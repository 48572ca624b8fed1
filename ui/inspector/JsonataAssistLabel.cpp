#include "ui/inspector/JsonataAssistLabel.h"

#include "ui/inspector/JsonataAssist.h"

#include <QFontDatabase>

namespace stepwise::ui {

JsonataAssistLabel::JsonataAssistLabel(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("JsonataAssist"));
    setWordWrap(true);
    // The field's editor decides the width; a long unbroken value must not widen the inspector.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setFont(QFontDatabase::systemFont(QFontDatabase::SmallestReadableFont));
    hide();
}

void JsonataAssistLabel::setFieldValue(const std::optional<Json> &value)
{
    if (m_value == value)
        return;
    m_value = value;
    refresh();
}

void JsonataAssistLabel::setVisit(const std::optional<VisitContext> &visit)
{
    m_visit = visit;
    refresh();
}

void JsonataAssistLabel::refresh()
{
    m_error = false;
    if (!m_value || !hasExpressions(*m_value)) {
        hide();
        return;
    }
    QString text;
    if (auto problem = checkExpressions(*m_value)) {
        m_error = true;
        text = QString::fromStdString(describeProblem(*problem));
    } else if (m_visit) {
        const PreviewOutcome outcome = previewExpressions(*m_value, *m_visit);
        m_error = outcome.error.has_value();
        text = QString::fromStdString(describeOutcome(outcome));
    } else {
        text = tr("Run the machine to preview this expression against the state's input.");
    }
    setStyleSheet(m_error ? QStringLiteral("color: #D91515;")
                          : QStringLiteral("color: palette(mid);"));
    setText(text);
    setToolTip(m_error ? tr("The JSONata expression has a problem") :
                         tr("This field evaluated against the input of the selected state's "
                            "latest visit in the run (at the time cursor)"));
    show();
}

} // namespace stepwise::ui
