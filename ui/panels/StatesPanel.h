#pragma once
// A tree of the machine's states (nested branches and item processors as children), with each
// state's type and where it goes next. Until the canvas lands this is the designer's main view.
#include "core/asl/StateMachine.h"
#include "core/common/Diagnostic.h"

#include <QTreeWidget>

namespace stepwise::ui {

class StatesPanel : public QTreeWidget
{
    Q_OBJECT
public:
    enum Role { PointerRole = Qt::UserRole + 1 };

    explicit StatesPanel(QWidget *parent = nullptr);

    void setMachine(const asl::StateMachine *machine);
    // Selects the state whose JSON Pointer is the longest prefix of `pointer`.
    bool selectPointer(const QString &pointer);
    // Marks each state that a diagnostic points into with an error or warning icon.
    void markDiagnostics(const std::vector<Diagnostic> &diagnostics);

private:
    QTreeWidgetItem *itemForPointer(const QString &pointer) const;
    void addMachine(QTreeWidgetItem *parent, const asl::StateMachine &machine, const QString &base);
    QTreeWidgetItem *addState(QTreeWidgetItem *parent, const asl::State &state,
                              const asl::StateMachine &scope, const QString &pointer);
};

} // namespace stepwise::ui
