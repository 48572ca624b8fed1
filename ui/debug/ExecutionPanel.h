#pragma once
// The Execution panel (issue 5, Running): the input (a JSON editor with validation, remembered
// per file), the task handlers for the run (mock-config test case and/or bindings file, with the
// programs a run may start listed before it starts), the clock, the run controls with a speed
// for Continue, break on error, progress, and the legend of the overlay colours.
#include "ui/debug/ProgramApproval.h"

#include <QList>
#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;
class QPushButton;

namespace stepwise::ui {

class DebugController;
class Document;
class JsonView;
struct RunProgress;

class ExecutionPanel : public QWidget
{
    Q_OBJECT
public:
    ExecutionPanel(Document *document, DebugController *controller, QWidget *parent = nullptr);

    // Pushes the panel's settings (input, handlers, clock) into the controller; false (with the
    // problem shown in the panel) when the input is not JSON.
    bool applyConfig();

    // Who decides whether a run may start the programs of a bindings file not approved yet for
    // this definition (issue 8, Safety). The default asks in a dialog.
    void setProgramConfirmation(ProgramApproval::Ask ask) { m_confirmPrograms = std::move(ask); }

    // The run controls as window-wide actions with their keys (F5 starts, or continues a paused
    // run; F10 step; F11 step into; F6 pause; Shift+F5 stop; Ctrl+Shift+F5 restart), for the
    // Run menu: they work whichever panel is in front. Each acts as its button when enabled.
    QList<QAction *> runActions() const { return m_runActions; }

private:
    QWidget *buildHandlers();
    QWidget *buildControls();
    void loadForFile();
    void saveForFile() const;
    void validateInput();
    void chooseMockConfig();
    void chooseBindings();
    void refreshTestCases();
    void refreshPrograms();
    void updateControls();
    void showProgress(const RunProgress &progress);
    void run(bool (DebugController::*action)());
    bool programsApproved();
    bool askInDialog(const QString &bindingsPath, const QStringList &programs);
    void buildRunActions();

    Document *m_document;
    DebugController *m_controller;
    JsonView *m_input;
    QLabel *m_inputStatus;
    QLineEdit *m_mockPath;
    QComboBox *m_testCase;
    QLineEdit *m_bindingsPath;
    QLabel *m_programs;
    QComboBox *m_clock;
    QComboBox *m_historyLimit;
    QComboBox *m_speed;
    QCheckBox *m_breakOnError;
    QLabel *m_status;
    QLabel *m_progress;
    QLabel *m_stale;
    QPushButton *m_start, *m_step, *m_stepEvent, *m_stepInto, *m_continue, *m_pause, *m_stop,
        *m_restart, *m_redrive, *m_back;
    QList<QAction *> m_runActions;
    bool m_loading = false;
    ProgramApproval::Ask m_confirmPrograms;
};

} // namespace stepwise::ui
