// File → Import Template (issue 7): the state machine of a SAM, CloudFormation or Serverless
// Framework template opens in the designer; Save writes it back into the template.
#include "ui/MainWindow.h"

#include "ui/canvas/CanvasView.h"
#include "ui/codeview/CodeView.h"
#include "ui/document/Document.h"
#include "ui/files/RecentFiles.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QStatusBar>

namespace stepwise::ui {

void MainWindow::chooseTemplate()
{
    if (!maybeDiscard())
        return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import state machine from template"), QString(),
        tr("Templates (*.yaml *.yml *.json *.template);;All files (*)"));
    if (!path.isEmpty())
        importTemplate(path);
}

bool MainWindow::importTemplate(const QString &path, const QString &logicalId, bool quiet)
{
    const auto fail = [this, quiet](const QString &error) {
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot import template"), error);
        statusBar()->showMessage(error);
        return false;
    };
    QString error;
    QString id = logicalId;
    if (id.isEmpty()) {
        const QStringList ids = templateMachineIds(path, error);
        if (ids.isEmpty())
            return fail(error);
        id = ids.front();
        if (ids.size() > 1) {
            if (quiet)
                return fail(tr("%1 holds %2 state machines: name one (%3)")
                                .arg(QFileInfo(path).fileName())
                                .arg(ids.size())
                                .arg(ids.join(QStringLiteral(", "))));
            bool accepted = false;
            id = QInputDialog::getItem(this, tr("Import template"),
                                       tr("%1 holds several state machines. Open:")
                                           .arg(QFileInfo(path).fileName()),
                                       ids, 0, false, &accepted);
            if (!accepted)
                return false;
        }
    }
    auto loaded = loadFromTemplate(path, id, error);
    if (!loaded)
        return fail(error);
    const TemplateSource source = loaded->source;
    const QString text = loaded->document.text;
    const bool parsed = loaded->document.machine.has_value();
    m_template = source;
    openTemplateInto(*m_document, std::move(*loaded));
    if (!parsed)
        m_codeView->setSourceText(text);
    m_codeView->showFromTop();
    m_view->fitToView();
    updateTitle();
    statusBar()->showMessage(tr("%1 from the %2 template %3; Save writes it back there")
                                 .arg(source.logicalId, source.kind, path));
    return true;
}

} // namespace stepwise::ui
