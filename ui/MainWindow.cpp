#include "ui/MainWindow.h"

#include "ui/panels/DiagnosticsPanel.h"
#include "ui/panels/StatesPanel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTabWidget>

namespace stepwise::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_states(new StatesPanel(this)), m_source(new QPlainTextEdit(this)),
      m_tabs(new QTabWidget(this)), m_diagnostics(new DiagnosticsPanel(this))
{
    setWindowTitle(tr("Stepwise"));
    resize(1200, 800);

    m_source->setReadOnly(true);
    m_source->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_source->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs->addTab(m_states, tr("States"));
    m_tabs->addTab(m_source, tr("Definition"));
    setCentralWidget(m_tabs);

    auto *dock = new QDockWidget(tr("Diagnostics"), this);
    dock->setObjectName(QStringLiteral("DiagnosticsDock"));
    dock->setWidget(m_diagnostics);
    addDockWidget(Qt::BottomDockWidgetArea, dock);

    connect(m_diagnostics, &DiagnosticsPanel::locationActivated, this, [this](const QString &pointer) {
        m_tabs->setCurrentWidget(m_states);
        m_states->selectPointer(pointer);
    });
    createMenus();
    statusBar()->showMessage(tr("Open a state machine (File → Open) or an example."));
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    QMenu *examples = file->addMenu(tr("Open &Example"));
    const QStringList names = QDir(QStringLiteral(":/examples")).entryList(QDir::Dirs, QDir::Name);
    for (const QString &name : names)
        examples->addAction(name, this, [this, name] { openExample(name); });
    examples->setEnabled(!names.isEmpty());
    QAction *reloadAction = file->addAction(tr("&Reload"), this, &MainWindow::reload);
    reloadAction->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Stepwise"), this, [this] {
        QMessageBox::about(this, tr("About Stepwise"),
                           tr("<b>Stepwise</b><p>A free studio for AWS Step Functions: design, "
                              "validate and run state machines locally, no AWS account needed.</p>"));
    });
}

bool MainWindow::openFile(const QString &path, bool quiet)
{
    QString error;
    auto document = loadDocument(path, error);
    if (!document) {
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot open file"), error);
        statusBar()->showMessage(error);
        return false;
    }
    showDocument(std::move(*document));
    return true;
}

bool MainWindow::openExample(const QString &name)
{
    const QString path = QStringLiteral(":/examples/%1/%1.asl.json").arg(name);
    return openFile(path);
}

void MainWindow::showDocument(LoadedDocument document)
{
    m_document = std::move(document);
    m_states->setMachine(m_document.machine ? &*m_document.machine : nullptr);
    m_source->setPlainText(m_document.text);
    m_states->markDiagnostics(m_document.diagnostics);
    m_diagnostics->setDiagnostics(m_document.diagnostics);
    const QString name = QFileInfo(m_document.path).fileName();
    setWindowTitle(tr("%1 — Stepwise").arg(name));
    int errors = 0;
    for (const Diagnostic &d : m_document.diagnostics)
        errors += d.severity == Severity::Error ? 1 : 0;
    const int stateCount = m_document.machine ? static_cast<int>(m_document.machine->states.size()) : 0;
    statusBar()->showMessage(errors == 0
                                 ? tr("%1: %2 top-level states, valid").arg(m_document.path).arg(stateCount)
                                 : tr("%1: %2 error(s)").arg(m_document.path).arg(errors));
    if (!m_document.machine)
        m_tabs->setCurrentWidget(m_source);
}

void MainWindow::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open state machine"), QString(),
        tr("State machines (*.asl.json *.json *.asl.yaml *.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::reload()
{
    if (!m_document.path.isEmpty())
        openFile(m_document.path);
}

} // namespace stepwise::ui
