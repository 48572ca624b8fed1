#pragma once
// A form over one JSON object (a state, a retrier, a catcher): one row per field. It keeps a
// copy of the object; when a field commits, the copy is updated and `edited` carries the whole
// new object. Fields of the query language not in use are hidden unless they hold a value.
#include "core/common/Json.h"
#include "ui/debug/VisitContext.h"
#include "ui/inspector/FieldSpec.h"

#include <QWidget>

#include <optional>
#include <vector>

class QFormLayout;

namespace stepwise::ui {

class FieldWidget;

class FieldForm : public QWidget
{
    Q_OBJECT
public:
    explicit FieldForm(QWidget *parent = nullptr);

    // Adds a row for a simple field; returns its editor.
    FieldWidget *addField(const FieldSpec &spec);
    // Adds a composite editor (Retry, Catch, Choices, ...), full width under its label.
    void addEditor(FieldWidget *editor, const QString &label = {});

    void load(const Json &object);
    const Json &object() const { return m_object; }
    void setStateNames(const QStringList &names);
    void setLanguage(FieldLanguage language);
    // Every field's JSONata preview input (FieldWidget::setVisit).
    void setVisit(const std::optional<VisitContext> &visit);
    FieldWidget *field(const std::string &key) const;
    const std::vector<FieldWidget *> &fields() const { return m_fields; }
    bool isEmpty() const { return m_fields.empty(); }

signals:
    void edited(const Json &object);

private:
    void commit(FieldWidget *field);
    void updateVisibility();

    QFormLayout *m_layout;
    std::vector<FieldWidget *> m_fields;
    Json m_object = Json::object();
    FieldLanguage m_language = FieldLanguage::JSONPath;
};

} // namespace stepwise::ui
