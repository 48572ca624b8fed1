#include "ui/inspector/FieldForm.h"

#include "ui/inspector/FieldWidget.h"

#include <QFormLayout>
#include <QLabel>

namespace stepwise::ui {

FieldForm::FieldForm(QWidget *parent) : QWidget(parent), m_layout(new QFormLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_layout->setRowWrapPolicy(QFormLayout::DontWrapRows);
}

FieldWidget *FieldForm::addField(const FieldSpec &spec)
{
    FieldWidget *field = createFieldWidget(spec, this);
    auto *label = new QLabel(spec.label, this);
    label->setToolTip(spec.toolTip);
    label->setBuddy(field);
    m_layout->addRow(label, field);
    m_fields.push_back(field);
    connect(field, &FieldWidget::committed, this, [this, field] { commit(field); });
    return field;
}

void FieldForm::addEditor(FieldWidget *editor, const QString &label)
{
    editor->setParent(this);
    if (!label.isEmpty()) {
        auto *title = new QLabel(label, this);
        m_layout->addRow(title);
    }
    m_layout->addRow(editor);
    m_fields.push_back(editor);
    connect(editor, &FieldWidget::committed, this, [this, editor] { commit(editor); });
}

void FieldForm::load(const Json &object)
{
    m_object = object;
    for (FieldWidget *field : m_fields)
        field->load(object);
    updateVisibility();
}

void FieldForm::setStateNames(const QStringList &names)
{
    for (FieldWidget *field : m_fields)
        field->setStateNames(names);
}

void FieldForm::setLanguage(FieldLanguage language)
{
    m_language = language;
    updateVisibility();
}

void FieldForm::setVisit(const std::optional<VisitContext> &visit)
{
    for (FieldWidget *field : m_fields)
        field->setVisit(visit);
}

FieldWidget *FieldForm::field(const std::string &key) const
{
    for (FieldWidget *field : m_fields)
        if (!field->spec().key.empty() && field->spec().key.front() == key)
            return field;
    return nullptr;
}

void FieldForm::commit(FieldWidget *field)
{
    Json changed = m_object;
    field->store(changed);
    if (changed == m_object)
        return;
    m_object = std::move(changed);
    updateVisibility();
    emit edited(m_object);
}

void FieldForm::updateVisibility()
{
    for (FieldWidget *field : m_fields) {
        const FieldLanguage language = field->spec().language;
        const bool visible = language == FieldLanguage::Any || language == m_language ||
                             field->hasValueIn(m_object);
        m_layout->setRowVisible(field, visible);
    }
}

} // namespace stepwise::ui
