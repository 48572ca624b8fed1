#include "ui/panels/DiagnosticsPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace stepwise::ui {

DiagnosticsPanel::DiagnosticsPanel(QWidget *parent)
    : QWidget(parent), m_model(new DiagnosticsModel(this)), m_view(new QTableView(this)),
      m_summary(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_view);

    // Sortable by any column; the proxy hands the path role through to activation.
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_model);
    m_view->setModel(sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // document order until the user picks a column
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);

    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit locationActivated(index.data(DiagnosticsModel::PathRole).toString());
    });
    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex &index) {
        emit locationActivated(index.data(DiagnosticsModel::PathRole).toString());
    });
}

void DiagnosticsPanel::setDiagnostics(std::vector<Diagnostic> diagnostics)
{
    int errors = 0;
    for (const Diagnostic &d : diagnostics)
        errors += d.severity == Severity::Error ? 1 : 0;
    const int warnings = static_cast<int>(diagnostics.size()) - errors;
    m_summary->setText(diagnostics.empty()
                           ? tr("✔ Valid: AWS would accept this definition.")
                           : tr("%1 error(s), %2 warning(s)").arg(errors).arg(warnings));
    m_model->setDiagnostics(std::move(diagnostics));
    for (int column = 0; column < DiagnosticsModel::MessageColumn; ++column)
        m_view->resizeColumnToContents(column);
}

} // namespace stepwise::ui
