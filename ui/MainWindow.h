#pragma once
// The designer's window: menus, the states view, the definition text and the diagnostics dock.
// It builds and wires things; loading and checking live in DocumentIo and core.
#include "ui/document/DocumentIo.h"

#include <QMainWindow>

class QPlainTextEdit;
class QTabWidget;

namespace stepwise::ui {

class DiagnosticsPanel;
class StatesPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Opens a file from disk; reports problems in a message box unless `quiet`.
    bool openFile(const QString &path, bool quiet = false);
    // Opens an embedded example by its folder name, e.g. "order-processing".
    bool openExample(const QString &name);

private:
    void createMenus();
    void showDocument(LoadedDocument document);
    void chooseFile();
    void reload();

    StatesPanel *m_states;
    QPlainTextEdit *m_source;
    QTabWidget *m_tabs;
    DiagnosticsPanel *m_diagnostics;
    LoadedDocument m_document;
};

} // namespace stepwise::ui
