#pragma once
// An editor for an array of objects (Retry, Catch): a list of one-line summaries with add,
// remove and reorder buttons, and a form for the selected element. The array is committed
// whole; an empty array removes the field.
#include "ui/inspector/FieldWidget.h"

#include <functional>

class QListWidget;
class QToolButton;

namespace stepwise::ui {

class FieldForm;

class ObjectListEditor : public FieldWidget
{
    Q_OBJECT
public:
    using Summary = std::function<QString(const Json &element)>;

    // `key`: the array field; `fields`: the element form; `blank`: a new element.
    ObjectListEditor(const FieldSpec &spec, const std::vector<FieldSpec> &fields, Json blank,
                     Summary summary, QWidget *parent = nullptr);

    void setStateNames(const QStringList &names) override;
    void setLanguage(FieldLanguage language);
    void setVisit(const std::optional<VisitContext> &visit) override;
    int count() const;
    void setCurrentRow(int row);
    FieldForm *elementForm() const { return m_form; }
    void addElement();
    void removeCurrent();
    void moveCurrent(int delta);

protected:
    void display(const std::optional<Json> &value) override;
    std::optional<Json> displayed() const override;

private:
    void rebuildList();
    void showCurrent();
    void commitArray();

    Json m_array = Json::array();
    Json m_blank;
    Summary m_summary;
    QListWidget *m_list;
    FieldForm *m_form;
    QToolButton *m_remove;
    QToolButton *m_up;
    QToolButton *m_down;
};

// The Retry editor (ASL spec §7.2) and the Catch editor (§7.3).
ObjectListEditor *createRetryEditor(QWidget *parent);
ObjectListEditor *createCatchEditor(QWidget *parent);

} // namespace stepwise::ui
