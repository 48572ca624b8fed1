#pragma once
// The validator's findings for the open document; activating one asks to show its location.
#include "ui/models/DiagnosticsModel.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace stepwise::ui {

class DiagnosticsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DiagnosticsPanel(QWidget *parent = nullptr);

    void setDiagnostics(std::vector<Diagnostic> diagnostics);

signals:
    void locationActivated(const QString &pointer);

private:
    DiagnosticsModel *m_model;
    QTableView *m_view;
    QLabel *m_summary;
};

} // namespace stepwise::ui
