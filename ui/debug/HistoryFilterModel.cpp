// Type / state / text filters over HistoryModel.
#include "ui/debug/HistoryFilterModel.h"

#include "ui/debug/HistoryModel.h"

namespace stepwise::ui {

QStringList HistoryFilterModel::typeGroups()
{
    return {QString(), QStringLiteral("State entered/exited"), QStringLiteral("Task"),
            QStringLiteral("Map"), QStringLiteral("Parallel"), QStringLiteral("Execution"),
            QStringLiteral("Errors")};
}

HistoryFilterModel::HistoryFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void HistoryFilterModel::setTypeGroup(const QString &group)
{
    m_typeGroup = group;
    invalidateFilter();
}

void HistoryFilterModel::setStateName(const QString &stateName)
{
    m_stateName = stateName;
    invalidateFilter();
}

void HistoryFilterModel::setSearchText(const QString &text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

bool HistoryFilterModel::typeMatches(const QModelIndex &index) const
{
    if (m_typeGroup.isEmpty())
        return true;
    if (m_typeGroup == QLatin1String("Errors"))
        return index.data(HistoryModel::IsErrorRole).toBool();
    const QString type = index.data(HistoryModel::TypeRole).toString();
    if (m_typeGroup == QLatin1String("State entered/exited"))
        return type.endsWith(QLatin1String("StateEntered"))
               || type.endsWith(QLatin1String("StateExited"));
    if (m_typeGroup == QLatin1String("Task"))
        return type.startsWith(QLatin1String("Task")) || type.startsWith(QLatin1String("Lambda"))
               || type.startsWith(QLatin1String("Activity"));
    return type.startsWith(m_typeGroup);
}

bool HistoryFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!typeMatches(index))
        return false;
    if (!m_stateName.isEmpty() && index.data(HistoryModel::StateNameRole).toString() != m_stateName)
        return false;
    if (!m_search.isEmpty()
        && !index.data(HistoryModel::SearchTextRole).toString().contains(m_search, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace stepwise::ui
