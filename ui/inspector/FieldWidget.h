#pragma once
// The editor of one field of an ASL object. It reads its value from the object (load) and
// writes what it shows back into a copy (store); `committed` says the user finished an edit
// (Return, focus out, a pick), never on each keystroke.
#include "core/common/Json.h"
#include "ui/debug/VisitContext.h"
#include "ui/inspector/FieldSpec.h"

#include <QWidget>

#include <optional>

namespace stepwise::ui {

class FieldWidget : public QWidget
{
    Q_OBJECT
public:
    explicit FieldWidget(FieldSpec spec, QWidget *parent = nullptr);

    const FieldSpec &spec() const { return m_spec; }
    // Shows the field's value in `object`. Skipped while the user is editing this field, so
    // a refresh from the document never loses focus or caret.
    virtual void load(const Json &object);
    virtual void store(Json &object) const;
    // State names of the machine the object lives in (for Next, Default, Catch targets).
    virtual void setStateNames(const QStringList &names);
    // What the state saw in the run (nullopt: it has not run), for the JSONata preview of
    // fields that hold `{% %}` expressions.
    virtual void setVisit(const std::optional<VisitContext> &visit);
    bool hasValueIn(const Json &object) const;
    // Whether the user is editing it now (focus inside).
    bool isEditing() const;

signals:
    void committed();

protected:
    virtual void display(const std::optional<Json> &value) = 0;
    virtual std::optional<Json> displayed() const = 0;

private:
    FieldSpec m_spec;
};

// The value at `key` inside `object`, and setting it (nullopt removes it; intermediate objects
// are created or pruned when they become empty).
std::optional<Json> valueAt(const Json &object, const std::vector<std::string> &key);
void setValueAt(Json &object, const std::vector<std::string> &key, const std::optional<Json> &value);

// A field editor for every FieldKind except the composite editors (Retry, Catch, Choices, ...).
FieldWidget *createFieldWidget(const FieldSpec &spec, QWidget *parent);

} // namespace stepwise::ui
