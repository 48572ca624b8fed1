#include "ui/MainWindow.h"

#include "ui/CanvasController.h"
#include "ui/canvas/CanvasScene.h"
#include "ui/canvas/CanvasView.h"
#include "ui/document/Document.h"
#include "ui/document/DocumentIo.h"
#include "ui/panels/DiagnosticsPanel.h"
#include "ui/panels/StatesPanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QUndoStack>

namespace stepwise::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_document(new Document(this)),
      m_scene(new CanvasScene(CanvasStyle::fromPalette(palette()), this)),
      m_view(new CanvasView(this)), m_controller(new CanvasController(m_document, m_scene, this)),
      m_states(new StatesPanel(this)), m_diagnostics(new DiagnosticsPanel(this))
{
    setWindowTitle(tr("Stepwise"));
    resize(1280, 860);
    m_view->setScene(m_scene);
    setCentralWidget(m_view);

    auto *statesDock = new QDockWidget(tr("States"), this);
    statesDock->setObjectName(QStringLiteral("StatesDock"));
    statesDock->setWidget(m_states);
    addDockWidget(Qt::LeftDockWidgetArea, statesDock);
    auto *dock = new QDockWidget(tr("Problems"), this);
    dock->setObjectName(QStringLiteral("DiagnosticsDock"));
    dock->setWidget(m_diagnostics);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    resizeDocks({dock}, {150}, Qt::Vertical);
    resizeDocks({statesDock}, {240}, Qt::Horizontal);

    connect(m_diagnostics, &DiagnosticsPanel::locationActivated, this,
            [this](const QString &pointer) {
                m_states->selectPointer(pointer);
                if (m_scene->selectPointer(pointer.toStdString()))
                    m_view->centerOn(m_scene->nodeItem(m_scene->selectedIds().front()));
            });
    connect(m_document, &Document::machineChanged, this, &MainWindow::documentChanged);
    connect(m_document, &Document::diagnosticsChanged, this,
            [this] { m_diagnostics->setDiagnostics(m_document->diagnostics()); });
    connect(m_document, &Document::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_controller, &CanvasController::renameRequested, this, &MainWindow::askRename);
    createFileMenu();
    createEditMenu();
    createViewMenu();
    statusBar()->showMessage(tr("Open a state machine (File → Open) or an example."));
}

void MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::chooseFile);
    QMenu *examples = file->addMenu(tr("Open &Example"));
    const QStringList names = QDir(QStringLiteral(":/examples")).entryList(QDir::Dirs, QDir::Name);
    for (const QString &name : names)
        examples->addAction(name, this, [this, name] { openExample(name); });
    examples->setEnabled(!names.isEmpty());
    file->addAction(tr("&Reload"), QKeySequence::Refresh, this, &MainWindow::reload);
    file->addSeparator();
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    file->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, &MainWindow::saveAs);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
}

void MainWindow::createEditMenu()
{
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *remove =
        edit->addAction(tr("&Delete"), this, [this] { m_controller->deleteSelection(); });
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut); // the scene handles Delete on the canvas
    edit->addAction(tr("Re&name…"), QKeySequence(Qt::Key_F2), this,
                    [this] {
                        const std::vector<std::string> ids = m_scene->selectedIds();
                        if (ids.size() == 1)
                            askRename(ids.front(),
                                      QString::fromStdString(asl::StatePath{ids.front()}.name()));
                    })
        ->setShortcutContext(Qt::WidgetShortcut);
    edit->addAction(tr("Select &All"), QKeySequence::SelectAll, this, [this] {
        for (QGraphicsItem *item : m_scene->items())
            item->setSelected(true);
    });
}

void MainWindow::createViewMenu()
{
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, m_view, &CanvasView::zoomIn);
    view->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, m_view, &CanvasView::zoomOut);
    view->addAction(tr("&Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_0), m_view,
                    &CanvasView::resetZoom);
    view->addAction(tr("&Fit to View"), QKeySequence(Qt::CTRL | Qt::Key_1), m_view,
                    &CanvasView::fitToView);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Stepwise"), this, [this] {
        QMessageBox::about(
            this, tr("About Stepwise"),
            tr("<b>Stepwise</b><p>A free studio for AWS Step Functions: design, "
               "validate and run state machines locally, no AWS account needed.</p>"));
    });
}

bool MainWindow::openFile(const QString &path, bool quiet)
{
    QString error;
    auto loaded = loadDocument(path, error);
    if (!loaded) {
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot open file"), error);
        statusBar()->showMessage(error);
        return false;
    }
    openInto(*m_document, std::move(*loaded));
    m_view->fitToView();
    const auto &diagnostics = m_document->diagnostics();
    const auto errors =
        std::count_if(diagnostics.begin(), diagnostics.end(),
                      [](const Diagnostic &d) { return d.severity == Severity::Error; });
    const int states =
        m_document->hasMachine() ? static_cast<int>(m_document->machine().states.size()) : 0;
    statusBar()->showMessage(errors == 0
                                 ? tr("%1: %2 top-level states, valid").arg(path).arg(states)
                                 : tr("%1: %2 error(s)").arg(path).arg(errors));
    return true;
}

bool MainWindow::openExample(const QString &name)
{
    return openFile(QStringLiteral(":/examples/%1/%1.asl.json").arg(name));
}

void MainWindow::documentChanged()
{
    m_states->setMachine(m_document->hasMachine() ? &m_document->machine() : nullptr);
    m_states->markDiagnostics(m_document->diagnostics());
    updateTitle();
}

void MainWindow::updateTitle()
{
    const QString name = m_document->filePath().isEmpty()
                             ? tr("Untitled")
                             : QFileInfo(m_document->filePath()).fileName();
    setWindowTitle(
        tr("%1%2 — Stepwise").arg(name, m_document->isClean() ? QString() : QStringLiteral(" •")));
}

void MainWindow::chooseFile()
{
    if (!maybeDiscard())
        return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open state machine"), QString(),
        tr("State machines (*.asl.json *.json *.asl.yaml *.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::reload()
{
    if (!m_document->filePath().isEmpty() && maybeDiscard())
        openFile(m_document->filePath());
}

bool MainWindow::saveTo(const QString &path, bool quiet)
{
    QString error;
    if (!saveDocument(*m_document, path, error)) {
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot save"), error);
        statusBar()->showMessage(error);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(path));
    return true;
}

bool MainWindow::save()
{
    const QString path = m_document->filePath();
    if (path.isEmpty() || path.startsWith(QLatin1Char(':')))
        return saveAs();
    return saveTo(path);
}

bool MainWindow::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save state machine"), QFileInfo(m_document->filePath()).fileName(),
        tr("State machines (*.asl.json *.json *.asl.yaml *.yaml *.yml)"));
    return !path.isEmpty() && saveTo(path);
}

void MainWindow::askRename(const std::string &id, const QString &currentName)
{
    bool accepted = false;
    const QString name = QInputDialog::getText(this, tr("Rename state"), tr("New name:"),
                                               QLineEdit::Normal, currentName, &accepted);
    if (!accepted)
        return;
    if (auto problem = m_controller->renameState(id, name))
        QMessageBox::warning(this, tr("Cannot rename"), *problem);
}

bool MainWindow::maybeDiscard()
{
    if (m_document->isClean() || !m_document->hasMachine())
        return true;
    const auto answer =
        QMessageBox::question(this, tr("Unsaved changes"),
                              tr("Save the changes to %1 first?").arg(m_document->filePath()),
                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeDiscard())
        event->accept();
    else
        event->ignore();
}

} // namespace stepwise::ui
