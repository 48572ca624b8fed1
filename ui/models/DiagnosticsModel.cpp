#include "ui/models/DiagnosticsModel.h"

#include <QApplication>
#include <QStyle>

namespace stepwise::ui {

DiagnosticsModel::DiagnosticsModel(QObject *parent) : QAbstractTableModel(parent) {}

void DiagnosticsModel::setDiagnostics(std::vector<Diagnostic> diagnostics)
{
    beginResetModel();
    m_diagnostics = std::move(diagnostics);
    endResetModel();
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_diagnostics.size());
}

int DiagnosticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static QString locationText(const Diagnostic &d)
{
    QString text = d.path.empty() ? QStringLiteral("/") : QString::fromStdString(d.path);
    if (d.line > 0)
        text += QStringLiteral(" (line %1, column %2)").arg(d.line).arg(d.column);
    return text;
}

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Diagnostic &d = diagnostic(index.row());
    if (role == PathRole)
        return QString::fromStdString(d.path);
    if (role == Qt::DecorationRole && index.column() == SeverityColumn) {
        const auto icon = d.severity == Severity::Error ? QStyle::SP_MessageBoxCritical
                                                         : QStyle::SP_MessageBoxWarning;
        return QApplication::style()->standardIcon(icon);
    }
    if (role == Qt::ToolTipRole)
        return QString::fromStdString(d.message);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SeverityColumn: return d.severity == Severity::Error ? tr("Error") : tr("Warning");
    case CodeColumn: return QString::fromStdString(d.code);
    case LocationColumn: return locationText(d);
    case MessageColumn: return QString::fromStdString(d.message);
    default: return {};
    }
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case CodeColumn: return tr("Code");
    case LocationColumn: return tr("Location");
    case MessageColumn: return tr("Message");
    default: return {};
    }
}

} // namespace stepwise::ui
