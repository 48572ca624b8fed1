// File → Export: the definition, a deployment template or the diagram, each to a file the user
// picks; the document itself (path, saved state, canvas) is never touched.
#include "ui/MainWindow.h"

#include "ui/codeview/CodeView.h"
#include "ui/document/Document.h"
#include "ui/files/Exports.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>

namespace stepwise::ui {

QString MainWindow::exportStem() const
{
    const QString base = QFileInfo(m_document->filePath()).completeBaseName();
    return base.isEmpty() ? QStringLiteral("state-machine") : base.section('.', 0, 0);
}

void MainWindow::reportExport(bool written, const QString &error, const QString &done)
{
    if (!written)
        QMessageBox::warning(this, tr("Cannot export"), error);
    else
        statusBar()->showMessage(done);
}

void MainWindow::exportDefinitionAs(bool yaml)
{
    m_codeView->applyNow();
    const QString path = QFileDialog::getSaveFileName(
        this, yaml ? tr("Export ASL YAML") : tr("Export ASL JSON"),
        exportStem() + (yaml ? QStringLiteral(".asl.yaml") : QStringLiteral(".asl.json")),
        yaml ? tr("YAML (*.yaml *.yml)") : tr("JSON (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    const bool written = exportDefinition(
        *m_document, path, yaml ? DefinitionFormat::Yaml : DefinitionFormat::Json, error);
    reportExport(written, error, tr("Exported %1").arg(path));
}

void MainWindow::exportTemplateAs(TemplateFlavour flavour)
{
    m_codeView->applyNow();
    const bool sam = flavour == TemplateFlavour::Sam;
    const QString path = QFileDialog::getSaveFileName(
        this, sam ? tr("Export SAM template") : tr("Export CloudFormation template"),
        QStringLiteral("template.yaml"), tr("Templates (*.yaml *.yml *.json)"));
    if (path.isEmpty())
        return;
    QString error;
    const bool written = exportTemplate(*m_document, path, flavour, error);
    reportExport(written, error,
                 sam ? tr("Exported %1 — deploy it with `sam deploy --guided`").arg(path)
                     : tr("Exported %1 — deploy it with `aws cloudformation deploy`").arg(path));
}

void MainWindow::exportDiagramAs(bool svg)
{
    const QString path = QFileDialog::getSaveFileName(
        this, svg ? tr("Export diagram as SVG") : tr("Export diagram as PNG"),
        exportStem() + (svg ? QStringLiteral(".svg") : QStringLiteral(".png")),
        svg ? tr("SVG pictures (*.svg)") : tr("PNG pictures (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    const bool written = exportDiagram(*m_document, path, error);
    reportExport(written, error, tr("Exported %1").arg(path));
}

} // namespace stepwise::ui
