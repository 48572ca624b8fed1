#pragma once
// The History panel, like the console's event view: the events table (filters by type and
// state, search) beside the selected event's JSON. Selecting an event moves the time cursor;
// the cursor moving (stepping back, say) selects its row.
#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;
class QLabel;

namespace stepwise::ui {

class DebugController;
class HistoryFilterModel;
class HistoryModel;
class JsonView;

class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(DebugController *controller, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    HistoryFilterModel *filterModel() const { return m_filter; }

private:
    void rowSelected();
    void followCursor(int index);
    void refillStates();
    void showDetails(int eventIndex);

    DebugController *m_controller;
    HistoryModel *m_model;
    HistoryFilterModel *m_filter;
    QComboBox *m_type;
    QComboBox *m_state;
    QLineEdit *m_search;
    QTableView *m_table;
    JsonView *m_details;
    QLabel *m_empty;
    bool m_syncing = false;
};

} // namespace stepwise::ui
