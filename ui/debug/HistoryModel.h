#pragma once
// The execution history as a table, like the console's event view: ID, Type, Step, Resource,
// Started after, Date and time. Reads the controller's history in place (no copies), so 100,000
// rows cost nothing until they are shown; rows are added as the run appends events.
#include <QAbstractTableModel>

namespace stepwise::engine {
struct HistoryEvent;
}

namespace stepwise::ui {

class DebugController;

class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, TypeColumn, StepColumn, ResourceColumn, StartedAfterColumn,
                  DateColumn, ColumnCount };
    enum Role {
        EventIndexRole = Qt::UserRole + 1, // int: the row's index in the history
        StateNameRole,                     // QString
        ScopeRole,                         // QString, e.g. "Fulfil/0"
        TypeRole,                          // QString
        SearchTextRole,                    // QString: everything the search box matches
        IsErrorRole,                       // bool: a failure event
    };

    explicit HistoryModel(DebugController *controller, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const engine::HistoryEvent *event(int row) const;

private:
    void reset();
    void append(int first, int last);
    QVariant display(const engine::HistoryEvent &event, int column) const;

    DebugController *m_controller;
    int m_rows = 0; // rows announced to views; the history may already be longer mid-slice
};

// "812 ms", "12.5 s", "1:00:02.015" (h:mm:ss.mmm).
QString formatElapsed(qint64 ms);

} // namespace stepwise::ui
