#pragma once
// Filters the history table by event type group, by state, and by a search text matched against
// the type, the step and the event's details JSON (case-insensitive).
#include <QSortFilterProxyModel>

namespace stepwise::ui {

class HistoryFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    // Type groups offered by the History panel; "" shows every event.
    static QStringList typeGroups();

    explicit HistoryFilterModel(QObject *parent = nullptr);

    // A group from typeGroups() ("Errors" = failure events; others match the type's prefix or
    // word, e.g. "Task", "Map", "Execution", "State entered/exited").
    void setTypeGroup(const QString &group);
    void setStateName(const QString &stateName); // "" = every state
    void setSearchText(const QString &text);
    QString typeGroup() const { return m_typeGroup; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool typeMatches(const QModelIndex &index) const;

    QString m_typeGroup;
    QString m_stateName;
    QString m_search;
};

} // namespace stepwise::ui
