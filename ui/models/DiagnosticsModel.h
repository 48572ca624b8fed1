#pragma once
// Rows = the validator's diagnostics of the open document.
#include "core/common/Diagnostic.h"

#include <QAbstractTableModel>

#include <vector>

namespace stepwise::ui {

class DiagnosticsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, CodeColumn, LocationColumn, MessageColumn, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1 };

    explicit DiagnosticsModel(QObject *parent = nullptr);

    void setDiagnostics(std::vector<Diagnostic> diagnostics);
    const Diagnostic &diagnostic(int row) const { return m_diagnostics.at(static_cast<std::size_t>(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<Diagnostic> m_diagnostics;
};

} // namespace stepwise::ui
