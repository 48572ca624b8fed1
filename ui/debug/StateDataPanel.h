#pragma once
// The State data panel: for the state visit at the time cursor, the data flow as TestState shows
// it (input → after InputPath → after Parameters → result → after ResultSelector → after
// ResultPath → output, variables assigned, error and cause) and, for a Choice, every rule with
// the value it compared and whether it matched.
#include "core/common/Json.h"

#include <QWidget>

#include <optional>
#include <utility>
#include <vector>

class QLabel;
class QListWidget;
class QTableWidget;

namespace stepwise::ui {

class DebugController;
class JsonView;
struct VisitData;

class StateDataPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StateDataPanel(DebugController *controller, QWidget *parent = nullptr);

private:
    void refresh();
    void showStage(int row);
    void fillChoice(const VisitData &visit);

    DebugController *m_controller;
    QLabel *m_title;
    QLabel *m_error;
    QListWidget *m_stages;
    JsonView *m_value;
    QTableWidget *m_rules;
    std::vector<std::pair<std::optional<Json>, QString>> m_values; // per stage row
};

} // namespace stepwise::ui
