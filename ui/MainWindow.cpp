#include "ui/MainWindow.h"

#include "core/asl/EditsState.h"

#include "ui/CanvasController.h"
#include "ui/canvas/CanvasScene.h"
#include "ui/canvas/CanvasView.h"
#include "ui/codeview/CodeView.h"
#include "ui/debug/CanvasLink.h"
#include "ui/debug/DebugController.h"
#include "ui/debug/ExecutionPanel.h"
#include "ui/debug/HistoryPanel.h"
#include "ui/debug/RunConfig.h"
#include "ui/debug/RunStore.h"
#include "ui/debug/RunsPanel.h"
#include "ui/debug/StateDataPanel.h"
#include "ui/debug/TimelineView.h"
#include "ui/document/Document.h"
#include "ui/document/DocumentIo.h"
#include "ui/files/Exports.h"
#include "ui/files/RecentFiles.h"
#include "ui/files/RecoveryController.h"
#include "ui/inspector/InspectorPanel.h"
#include "ui/palette/PalettePanel.h"
#include "ui/panels/DiagnosticsPanel.h"
#include "ui/panels/StatesPanel.h"
#include "ui/panels/ToolIcons.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QInputDialog>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>

#include <algorithm>

namespace stepwise::ui {
namespace {

const QString definitionFilter =
    QStringLiteral("State machines (*.asl.json *.json *.asl.yaml *.yaml *.yml);;All files (*)");

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_document(new Document(this)),
      m_scene(new CanvasScene(CanvasStyle::fromPalette(palette()), this)),
      m_view(new CanvasView(this)), m_controller(new CanvasController(m_document, m_scene, this)),
      m_states(new StatesPanel(this)), m_diagnostics(new DiagnosticsPanel(this)),
      m_codeView(new CodeView(m_document, this)),
      m_recovery(new RecoveryController(m_document, this)),
      m_palette(new PalettePanel(m_document, this)),
      m_inspector(new InspectorPanel(m_document, this)),
      m_debug(new DebugController(m_document, this))
{
    setWindowTitle(tr("Stepwise"));
    setObjectName(QStringLiteral("MainWindow"));
    resize(1440, 900);
    setDockOptions(AnimatedDocks | AllowTabbedDocks | GroupedDragging);
    m_view->setScene(m_scene);
    setCentralWidget(m_view);
    createDocks();

    connect(m_diagnostics, &DiagnosticsPanel::locationActivated, this, &MainWindow::showProblem);
    connect(m_document, &Document::machineChanged, this, &MainWindow::documentChanged);
    connect(m_document, &Document::diagnosticsChanged, this,
            [this] { m_diagnostics->setDiagnostics(m_document->diagnostics()); });
    connect(m_document, &Document::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_controller, &CanvasController::renameRequested, this, &MainWindow::askRename);
    connect(m_controller, &CanvasController::editRefused, this,
            [this](const QString &reason) { statusBar()->showMessage(reason, 6000); });
    connect(m_palette, &PalettePanel::insertRequested, m_controller,
            &CanvasController::insertPayload);
    linkToCanvas(m_debug, m_scene); // run overlay and breakpoints (contract 3)
    connect(m_debug, &DebugController::pausedAt, this,
            [this](const QString &reason) { statusBar()->showMessage(reason); });
    connect(m_debug, &DebugController::errorOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    wireSelection();
    wirePreview();
    createFileMenu();
    createEditMenu();
    createViewMenu();
    createRunMenu();
    createHelpMenu();
    createToolBar();
    updateTitle();
    statusBar()->showMessage(tr("Open a state machine (File → Open), an example, or start a new one."));
}

MainWindow::~MainWindow()
{
    // The scene announces selection changes while it deletes its items; nobody here listens.
    disconnect(m_scene, nullptr, this, nullptr);
    // The debugger's panels and controller use the run store, a member that dies before the
    // window's children: they go first.
    for (QDockWidget *dock : m_debugDocks)
        delete dock;
    delete m_debug;
}

QDockWidget *MainWindow::addDock(const QString &title, const QString &objectName, QWidget *widget,
                                 Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(widget);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createDocks()
{
    // Left: the palette, with the states tree as a second tab.
    QDockWidget *palette =
        addDock(tr("Palette"), QStringLiteral("PaletteDock"), m_palette, Qt::LeftDockWidgetArea);
    QDockWidget *states =
        addDock(tr("States"), QStringLiteral("StatesDock"), m_states, Qt::LeftDockWidgetArea);
    tabifyDockWidget(palette, states);
    palette->raise();
    // Right: the inspector, with the code view as a second tab.
    QDockWidget *inspector = addDock(tr("Inspector"), QStringLiteral("InspectorDock"),
                                     m_inspector, Qt::RightDockWidgetArea);
    m_codeDock =
        addDock(tr("Code"), QStringLiteral("CodeDock"), m_codeView, Qt::RightDockWidgetArea);
    tabifyDockWidget(inspector, m_codeDock);
    inspector->raise();
    // Below: problems, then the debugger's panels.
    QDockWidget *problems = addDock(tr("Problems"), QStringLiteral("DiagnosticsDock"),
                                    m_diagnostics, Qt::BottomDockWidgetArea);
    createDebugDocks(problems);
    problems->raise();
    // Wide enough for "▶ ValidateOrder  Task  → ReserveInventory" without a scroll bar.
    m_states->setMinimumWidth(220);
    m_codeView->setMinimumWidth(320);
    resizeDocks({palette, inspector}, {270, 420}, Qt::Horizontal);
    m_problemsDock = problems;
    fitBottomDocks();
}

// The bottom docks take about a quarter of the window: enough for a few problems or the run
// controls, while the canvas keeps most of the height.
void MainWindow::fitBottomDocks()
{
    resizeDocks({m_problemsDock}, {std::max(150, height() * 25 / 100)}, Qt::Vertical);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_shownOnce) { // sizes set before the first show are only hints to the dock layout
        m_shownOnce = true;
        fitBottomDocks();
    }
}

void MainWindow::createDebugDocks(QDockWidget *problems)
{
    auto store = std::make_unique<RunStore>(RunStore::defaultPath());
    if (auto problem = store->open())
        statusBar()->showMessage(tr("Stored runs are unavailable: %1").arg(*problem), 8000);
    else
        m_runStore = std::move(store);
    if (m_runStore)
        m_debug->setRunStore(m_runStore.get());
    QDockWidget *previous = problems;
    const auto add = [this, &previous](const QString &title, const QString &name, QWidget *widget) {
        QDockWidget *dock = addDock(title, name, widget, Qt::BottomDockWidgetArea);
        tabifyDockWidget(previous, dock);
        previous = dock;
        m_debugDocks.push_back(dock);
    };
    m_executionPanel = new ExecutionPanel(m_document, m_debug, this);
    // The panel is tall when laid out in full; in a scroll area it never sets the height of the
    // whole bottom dock area (and so never squeezes the canvas).
    auto *executionScroll = new QScrollArea(this);
    executionScroll->setWidgetResizable(true);
    executionScroll->setFrameShape(QFrame::NoFrame);
    executionScroll->setWidget(m_executionPanel);
    executionScroll->setMinimumHeight(120);
    add(tr("Execution"), QStringLiteral("ExecutionDock"), executionScroll);
    add(tr("History"), QStringLiteral("HistoryDock"), new HistoryPanel(m_debug, this));
    add(tr("State Data"), QStringLiteral("StateDataDock"), new StateDataPanel(m_debug, this));
    add(tr("Timeline"), QStringLiteral("TimelineDock"), new TimelineView(m_debug, this));
    if (m_runStore)
        add(tr("Runs"), QStringLiteral("RunsDock"),
            new RunsPanel(m_debug, m_runStore.get(), this));
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
    const QString text = loaded->text;
    const bool parsed = loaded->machine.has_value();
    m_template.reset(); // a plain definition file
    openInto(*m_document, std::move(*loaded));
    if (!parsed)
        m_codeView->setSourceText(text); // fix it in the code view
    m_codeView->showFromTop();
    RecentFiles::add(path);
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

void MainWindow::newMachine(bool jsonata)
{
    m_template.reset();
    asl::StateMachine machine = newStateMachine();
    if (jsonata)
        (void)asl::edits::setMachineField(machine, "QueryLanguage", Json("JSONata"));
    m_document->reset(std::move(machine), {}, QString());
    m_codeView->showFromTop();
    m_view->fitToView();
    statusBar()->showMessage(tr("New state machine: drag states from the palette onto the canvas."));
}

void MainWindow::documentChanged()
{
    m_states->setMachine(m_document->hasMachine() ? &m_document->machine() : nullptr);
    m_states->markDiagnostics(m_document->diagnostics());
    updateTitle();
}

void MainWindow::updateTitle()
{
    const QString path = m_document->filePath();
    QString name = path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName();
    if (m_template && m_template->path == path)
        name += QStringLiteral(" — ") + m_template->logicalId; // "template.yaml — Orders"

    setWindowFilePath(path.startsWith(QLatin1Char(':')) ? QString() : path);
    setWindowTitle(
        tr("%1%2 — Stepwise").arg(name, m_document->isClean() ? QString() : QStringLiteral(" •")));
}

void MainWindow::chooseFile()
{
    if (!maybeDiscard())
        return;
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open state machine"), QString(), definitionFilter);
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::reload()
{
    const QString path = m_document->filePath();
    if (path.isEmpty() || !maybeDiscard())
        return;
    if (m_template && m_template->path == path)
        importTemplate(path, m_template->logicalId);
    else
        openFile(path);
}

bool MainWindow::saveTo(const QString &path, bool quiet)
{
    m_codeView->applyNow(); // text typed a moment ago is part of what the user saves
    QString error;
    const bool intoTemplate = m_template && m_template->path == path;
    if (!(intoTemplate ? saveIntoTemplate(*m_document, *m_template, error)
                       : saveDocument(*m_document, path, error))) {
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot save"), error);
        statusBar()->showMessage(error);
        return false;
    }
    if (!intoTemplate) {
        m_template.reset(); // Save As: the machine now lives in its own ASL file
        RecentFiles::add(path);
    }
    updateTitle();
    m_recovery->discard();
    statusBar()->showMessage(intoTemplate ? tr("Saved %1 into %2").arg(m_template->logicalId, path)
                                          : tr("Saved %1").arg(path));
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
    const QString current = m_document->filePath();
    QString suggested = current.isEmpty() ? QStringLiteral("state-machine.asl.json")
                                          : QFileInfo(current).fileName();
    if (m_template) // out of a template: its own ASL JSON file
        suggested = QFileInfo(current).dir().filePath(m_template->logicalId +
                                                      QStringLiteral(".asl.json"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save state machine"), suggested,
                                                      definitionFilter);
    return !path.isEmpty() && saveTo(path);
}

bool MainWindow::offerRecovery()
{
    const std::vector<RecoveryEntry> orphans = m_recovery->orphans();
    if (orphans.empty())
        return false;
    const RecoveryEntry &newest = orphans.front();
    const QString what = newest.originalPath.isEmpty()
                             ? tr("an untitled state machine")
                             : QDir::toNativeSeparators(newest.originalPath);
    QMessageBox box(QMessageBox::Question, tr("Recover unsaved work"),
                    tr("Stepwise did not close properly. Unsaved changes to %1 from %2 were "
                       "kept.\n\nRestore them?")
                        .arg(what, QLocale().toString(newest.savedAt.toLocalTime(),
                                                      QLocale::ShortFormat)),
                    QMessageBox::NoButton, this);
    QPushButton *restore = box.addButton(tr("Restore"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    box.addButton(tr("Later"), QMessageBox::RejectRole);
    box.setDefaultButton(restore);
    box.exec();
    if (box.clickedButton() == discard) {
        RecoveryController::decline(newest);
        return false;
    }
    if (box.clickedButton() != restore)
        return false;
    QString error;
    if (!m_recovery->restore(newest, error)) {
        QMessageBox::warning(this, tr("Cannot recover"), error);
        return false;
    }
    m_view->fitToView();
    statusBar()->showMessage(tr("Recovered unsaved changes; save them to keep them."));
    return true;
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
    m_codeView->applyNow();
    if (m_document->isClean() || !m_document->hasMachine())
        return true;
    const QString name = m_document->filePath().isEmpty()
                             ? tr("Untitled")
                             : QFileInfo(m_document->filePath()).fileName();
    const auto answer =
        QMessageBox::question(this, tr("Unsaved changes"),
                              tr("Save the changes to %1 first?").arg(name),
                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeDiscard()) {
        event->ignore();
        return;
    }
    m_recovery->discard(); // closed on purpose: nothing to offer back next time
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    // Light and dark follow the system palette (the code view restyles itself on this event).
    if (event->type() == QEvent::PaletteChange)
        m_scene->setStyle(CanvasStyle::fromPalette(palette()));
    QMainWindow::changeEvent(event);
}

} // namespace stepwise::ui
