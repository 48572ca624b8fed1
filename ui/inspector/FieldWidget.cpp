#include "ui/inspector/FieldWidget.h"

#include "core/asl/Parser.h"
#include "ui/inspector/JsonEdit.h"
#include "ui/inspector/JsonataAssistLabel.h"
#include "ui/inspector/JsonataHighlighter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace stepwise::ui {

FieldWidget::FieldWidget(FieldSpec spec, QWidget *parent) : QWidget(parent), m_spec(std::move(spec))
{
    setToolTip(m_spec.toolTip);
}

void FieldWidget::load(const Json &object)
{
    if (!isEditing())
        display(valueAt(object, m_spec.key));
}

void FieldWidget::store(Json &object) const
{
    setValueAt(object, m_spec.key, displayed());
}

void FieldWidget::setStateNames(const QStringList &) {}

void FieldWidget::setVisit(const std::optional<VisitContext> &) {}

bool FieldWidget::hasValueIn(const Json &object) const
{
    return valueAt(object, m_spec.key).has_value();
}

bool FieldWidget::isEditing() const
{
    const QWidget *focus = focusWidget();
    return focus && focus->hasFocus() && isAncestorOf(focus);
}

std::optional<Json> valueAt(const Json &object, const std::vector<std::string> &key)
{
    const Json *at = &object;
    for (const std::string &part : key) {
        if (!at->is_object())
            return std::nullopt;
        auto it = at->find(part);
        if (it == at->end())
            return std::nullopt;
        at = &*it;
    }
    return *at;
}

void setValueAt(Json &object, const std::vector<std::string> &key, const std::optional<Json> &value)
{
    if (key.empty() || !object.is_object())
        return;
    if (key.size() == 1) {
        if (value)
            object[key.front()] = *value;
        else
            object.erase(key.front());
        return;
    }
    const std::vector<std::string> rest(key.begin() + 1, key.end());
    if (!object.contains(key.front())) {
        if (!value)
            return;
        object[key.front()] = Json::object();
    }
    Json &child = object[key.front()];
    setValueAt(child, rest, value);
    if (child.is_object() && child.empty())
        object.erase(key.front());
}

namespace {

// Text in a line edit; how text maps to JSON depends on the kind.
class LineField : public FieldWidget
{
public:
    LineField(const FieldSpec &spec, QWidget *parent)
        : FieldWidget(spec, parent), m_edit(new QLineEdit(this)),
          m_assist(new JsonataAssistLabel(this))
    {
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        layout->addWidget(m_edit);
        layout->addWidget(m_assist);
        setFocusProxy(m_edit);
        m_edit->setPlaceholderText(spec.placeholder);
        m_edit->setClearButtonEnabled(true);
        // "{% ... %}" typed here is checked (and previewed) on every keystroke.
        connect(m_edit, &QLineEdit::textChanged, this, [this](const QString &text) {
            m_assist->setFieldValue(text.isEmpty() ? std::nullopt
                                                   : std::optional<Json>(text.toStdString()));
        });
        connect(m_edit, &QLineEdit::editingFinished, this, [this] {
            if (m_edit->isModified()) {
                m_edit->setModified(false);
                emit committed();
            }
        });
    }

    void setVisit(const std::optional<VisitContext> &visit) override { m_assist->setVisit(visit); }

protected:
    void display(const std::optional<Json> &value) override
    {
        QString text;
        if (value) {
            if (value->is_string())
                text = QString::fromStdString(value->get<std::string>());
            else if (value->is_null())
                text = QStringLiteral("null");
            else if (value->is_array() && spec().kind == FieldKind::ErrorList) {
                QStringList names;
                for (const Json &name : *value)
                    names << (name.is_string() ? QString::fromStdString(name.get<std::string>())
                                               : QString::fromStdString(name.dump()));
                text = names.join(QStringLiteral(", "));
            } else
                text = QString::fromStdString(value->dump());
        }
        if (m_edit->text() != text)
            m_edit->setText(text);
        m_edit->setModified(false);
    }

    std::optional<Json> displayed() const override
    {
        const QString text = m_edit->text().trimmed();
        if (text.isEmpty())
            return std::nullopt;
        switch (spec().kind) {
        case FieldKind::Path:
            if (text == QLatin1String("null"))
                return Json(nullptr);
            return Json(text.toStdString());
        case FieldKind::Number: {
            // A number stays a number (1 and 1.0 as typed); anything else is kept as text: a
            // JSONata expression, or a mistake the validator will point at.
            auto parsed = asl::parseDocument(text.toStdString(), asl::SourceFormat::Json);
            if (parsed && parsed->is_number())
                return std::move(parsed).value();
            return Json(text.toStdString());
        }
        case FieldKind::ErrorList: {
            Json names = Json::array();
            for (const QString &name : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
                if (!name.trimmed().isEmpty())
                    names.push_back(name.trimmed().toStdString());
            return names;
        }
        default:
            return Json(text.toStdString());
        }
    }

private:
    QLineEdit *m_edit;
    JsonataAssistLabel *m_assist;
};

// A combo box: a fixed list (Enum, Bool) or suggestions plus free text (Resource, StateRef,
// NextOrEnd).
class ComboField : public FieldWidget
{
public:
    ComboField(const FieldSpec &spec, QWidget *parent)
        : FieldWidget(spec, parent), m_combo(new QComboBox(this))
    {
        auto *layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_combo);
        setFocusProxy(m_combo);
        m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        m_combo->setMinimumContentsLength(12);
        const bool editable = spec.kind == FieldKind::Resource || spec.kind == FieldKind::StateRef ||
                              spec.kind == FieldKind::NextOrEnd;
        m_combo->setEditable(editable);
        m_combo->setInsertPolicy(QComboBox::NoInsert);
        fillOptions({});
        if (editable) {
            m_combo->lineEdit()->setPlaceholderText(spec.placeholder);
            connect(m_combo->lineEdit(), &QLineEdit::editingFinished, this, [this] {
                if (!m_filling && m_combo->currentText() != m_shownText)
                    emitCommitted();
            });
        }
        connect(m_combo, &QComboBox::activated, this, [this] {
            if (!m_filling && m_combo->currentText() != m_shownText)
                emitCommitted();
        });
    }

    void setStateNames(const QStringList &names) override
    {
        if (spec().kind == FieldKind::StateRef || spec().kind == FieldKind::NextOrEnd)
            fillOptions(names);
    }

    void load(const Json &object) override
    {
        if (spec().kind != FieldKind::NextOrEnd || isEditing()) {
            FieldWidget::load(object);
            return;
        }
        const auto end = valueAt(object, {"End"});
        if (end && end->is_boolean() && end->get<bool>())
            setText(endText());
        else
            FieldWidget::load(object);
    }

    void store(Json &object) const override
    {
        if (spec().kind != FieldKind::NextOrEnd) {
            FieldWidget::store(object);
            return;
        }
        // Next and End exclude each other (ASL spec §2: exactly one of them on a non-terminal
        // state); "(End)" is End: true.
        const QString text = m_combo->currentText().trimmed();
        object.erase("Next");
        object.erase("End");
        if (text == endText())
            object["End"] = true;
        else if (!text.isEmpty())
            object["Next"] = text.toStdString();
    }

protected:
    void display(const std::optional<Json> &value) override
    {
        QString text;
        if (value && value->is_string())
            text = QString::fromStdString(value->get<std::string>());
        else if (value && value->is_boolean())
            text = value->get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
        else if (value)
            text = QString::fromStdString(value->dump());
        setText(text);
    }

    std::optional<Json> displayed() const override
    {
        const QString text = m_combo->currentText().trimmed();
        if (text.isEmpty() || text == unsetText())
            return std::nullopt;
        if (spec().kind == FieldKind::Bool)
            return Json(text == QLatin1String("true"));
        return Json(text.toStdString());
    }

private:
    QString unsetText() const { return tr("(not set)"); }
    QString endText() const { return tr("(End)"); }

    void setText(const QString &text)
    {
        m_filling = true;
        m_shownText = text;
        const int index = m_combo->findText(text.isEmpty() && !m_combo->isEditable() ? unsetText()
                                                                                      : text);
        if (index >= 0)
            m_combo->setCurrentIndex(index);
        else if (m_combo->isEditable())
            m_combo->setEditText(text);
        m_filling = false;
    }

    void fillOptions(const QStringList &names)
    {
        const QString current = m_combo->currentText();
        m_filling = true;
        m_combo->clear();
        switch (spec().kind) {
        case FieldKind::Enum:
            m_combo->addItem(unsetText());
            m_combo->addItems(spec().options);
            break;
        case FieldKind::Bool:
            m_combo->addItems({unsetText(), QStringLiteral("true"), QStringLiteral("false")});
            break;
        case FieldKind::Resource:
            m_combo->addItems(spec().options);
            break;
        case FieldKind::NextOrEnd:
            m_combo->addItem(endText());
            m_combo->addItems(names);
            break;
        default:
            m_combo->addItems(names);
            break;
        }
        m_filling = false;
        setText(current == unsetText() ? QString() : current);
    }

    void emitCommitted()
    {
        m_shownText = m_combo->currentText();
        emit committed();
    }

    QComboBox *m_combo;
    QString m_shownText;
    bool m_filling = false;
};

class JsonField : public FieldWidget
{
public:
    JsonField(const FieldSpec &spec, QWidget *parent)
        : FieldWidget(spec, parent), m_edit(new JsonEdit(this)),
          m_assist(new JsonataAssistLabel(this))
    {
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        layout->addWidget(m_edit);
        layout->addWidget(m_assist);
        setFocusProxy(m_edit);
        m_edit->setPlaceholderText(spec.placeholder);
        new JsonataHighlighter(m_edit->textEdit()->document());
        connect(m_edit, &JsonEdit::committed, this, [this] { emit committed(); });
        connect(m_edit->textEdit(), &QPlainTextEdit::textChanged, this, [this] {
            bool ok = false;
            auto value = m_edit->value(&ok);
            if (ok) // while the JSON is incomplete the last good check stays
                m_assist->setFieldValue(value);
        });
    }

    void setVisit(const std::optional<VisitContext> &visit) override { m_assist->setVisit(visit); }

protected:
    void display(const std::optional<Json> &value) override { m_edit->setValue(value); }
    std::optional<Json> displayed() const override
    {
        bool ok = false;
        auto value = m_edit->value(&ok);
        return ok ? value : std::nullopt; // never reached invalid: commits need valid JSON
    }

private:
    JsonEdit *m_edit;
    JsonataAssistLabel *m_assist;
};

} // namespace

FieldWidget *createFieldWidget(const FieldSpec &spec, QWidget *parent)
{
    switch (spec.kind) {
    case FieldKind::Json:
        return new JsonField(spec, parent);
    case FieldKind::Enum:
    case FieldKind::Bool:
    case FieldKind::Resource:
    case FieldKind::StateRef:
    case FieldKind::NextOrEnd:
        return new ComboField(spec, parent);
    default:
        return new LineField(spec, parent);
    }
}

} // namespace stepwise::ui
