// Execution panel: run configuration, controls, progress and legend.
#include "ui/debug/ExecutionPanel.h"

#include "ui/debug/DebugController.h"
#include "ui/debug/HistoryModel.h"
#include "ui/debug/JsonView.h"
#include "ui/debug/OverlayLegend.h"
#include "ui/document/Document.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace stepwise::ui {
namespace {

QString settingsKey(const QString &filePath, const char *name)
{
    QString key = filePath;
    key.replace(u'/', u'|');
    return QStringLiteral("debugger/%1/%2").arg(key, QString::fromLatin1(name));
}

// `<dir>/<base>.<suffix>` beside the definition, when it exists (the examples ship them).
QString sibling(const QString &definitionPath, const char *suffix)
{
    const QFileInfo info(definitionPath);
    QString base = info.fileName();
    for (const char *ext : {".asl.json", ".asl.yaml", ".json", ".yaml"})
        if (base.endsWith(QLatin1String(ext))) {
            base.chop(static_cast<int>(qstrlen(ext)));
            break;
        }
    const QString candidate = info.absolutePath() + u'/' + base + QLatin1String(suffix);
    return QFileInfo::exists(candidate) ? candidate : QString();
}

QPushButton *button(const QString &text, const QString &tip, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setToolTip(tip);
    b->setAutoDefault(false);
    return b;
}

} // namespace

ExecutionPanel::ExecutionPanel(Document *document, DebugController *controller, QWidget *parent)
    : QWidget(parent), m_document(document), m_controller(controller)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(buildControls());

    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *inputBox = new QGroupBox(tr("Input"), split);
    auto *inputLayout = new QVBoxLayout(inputBox);
    m_input = new JsonView(inputBox);
    m_input->setEditable(true);
    m_input->setPlaceholderText(tr("The execution input, as JSON, e.g. {\"order\": {\"id\": 1}}"));
    m_inputStatus = new QLabel(inputBox);
    inputLayout->addWidget(m_input);
    inputLayout->addWidget(m_inputStatus);
    split->addWidget(inputBox);
    split->addWidget(buildHandlers());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    auto *footer = new QHBoxLayout;
    m_progress = new QLabel(this);
    m_progress->setTextInteractionFlags(Qt::TextSelectableByMouse);
    footer->addWidget(m_progress, 1);
    footer->addWidget(new OverlayLegend(this));
    layout->addLayout(footer);

    connect(m_input, &QPlainTextEdit::textChanged, this, [this] {
        validateInput();
        if (!m_loading)
            saveForFile();
    });
    connect(document, &Document::filePathChanged, this, &ExecutionPanel::loadForFile);
    connect(controller, &DebugController::phaseChanged, this, &ExecutionPanel::updateControls);
    connect(controller, &DebugController::runReset, this, &ExecutionPanel::updateControls);
    connect(controller, &DebugController::cursorChanged, this, &ExecutionPanel::updateControls);
    connect(controller, &DebugController::progressChanged, this, &ExecutionPanel::showProgress);
    connect(controller, &DebugController::staleChanged, m_stale, &QLabel::setVisible);
    connect(controller, &DebugController::pausedAt, m_status, &QLabel::setText);
    connect(controller, &DebugController::errorOccurred, this, [this](const QString &message) {
        m_status->setText(QStringLiteral("<span style='color:#D91515'>%1</span>")
                              .arg(message.toHtmlEscaped()));
    });
    loadForFile();
    updateControls();
}

QWidget *ExecutionPanel::buildControls()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_start = button(tr("Start"), tr("Start a new run and continue to the first breakpoint (F5 when no run is paused)"), bar);
    m_step = button(tr("Step"), tr("Run to the next state in this scope or an outer one (F10)"), bar);
    m_stepInto = button(tr("Step into"), tr("Run to the next state entered or exited, inside a branch or iteration too (F11)"), bar);
    m_stepEvent = button(tr("Step event"), tr("Run exactly one history event (Ctrl+F11)"), bar);
    m_continue = button(tr("Continue"), tr("Run to the next breakpoint or the end (F5)"), bar);
    m_pause = button(tr("Pause"), tr("Pause the run (F6)"), bar);
    m_stop = button(tr("Stop"), tr("Stop the run as StopExecution does (Shift+F5)"), bar);
    m_restart = button(tr("Restart"), tr("Stop and start again with the same settings (Ctrl+Shift+F5)"), bar);
    m_redrive = button(tr("Redrive"), QString(), bar);
    m_back = button(tr("◀ Back"), tr("Move the time cursor one event back (Ctrl+F10)"), bar);
    for (QPushButton *b : {m_start, m_step, m_stepInto, m_stepEvent, m_continue, m_pause, m_stop,
                           m_restart, m_redrive, m_back})
        row->addWidget(b);
    row->addSpacing(8);
    row->addWidget(new QLabel(tr("Speed"), bar));
    m_speed = new QComboBox(bar);
    m_speed->setToolTip(tr("How fast Continue runs: history events per second"));
    m_speed->addItem(tr("Max"), 0);
    for (int speed : {1000, 100, 10, 2})
        m_speed->addItem(tr("%1 events/s").arg(speed), speed);
    row->addWidget(m_speed);
    m_breakOnError = new QCheckBox(tr("Break on error"), bar);
    m_breakOnError->setToolTip(tr("Pause whenever a state reports an error (retried or caught too)"));
    row->addWidget(m_breakOnError);
    m_stale = new QLabel(tr("<b style='color:#B35C00'>Stale:</b> the machine changed since this run"), bar);
    m_stale->setVisible(false);
    row->addWidget(m_stale);
    m_status = new QLabel(bar);
    row->addWidget(m_status, 1);

    connect(m_start, &QPushButton::clicked, this, [this] { run(&DebugController::start); });
    connect(m_step, &QPushButton::clicked, this, [this] { run(&DebugController::stepOver); });
    connect(m_stepInto, &QPushButton::clicked, this, [this] { run(&DebugController::stepInto); });
    connect(m_stepEvent, &QPushButton::clicked, this, [this] { run(&DebugController::stepEvent); });
    connect(m_continue, &QPushButton::clicked, this, [this] { run(&DebugController::continueRun); });
    connect(m_restart, &QPushButton::clicked, this, [this] { run(&DebugController::restart); });
    connect(m_redrive, &QPushButton::clicked, this, [this] {
        m_controller->redrive();
        updateControls();
    });
    connect(m_pause, &QPushButton::clicked, m_controller, &DebugController::pause);
    connect(m_stop, &QPushButton::clicked, m_controller, &DebugController::stop);
    connect(m_back, &QPushButton::clicked, m_controller, &DebugController::stepBack);
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this] { m_controller->setSpeed(m_speed->currentData().toInt()); });
    connect(m_breakOnError, &QCheckBox::toggled, m_controller, &DebugController::setBreakOnError);
    buildRunActions();
    return bar;
}

void ExecutionPanel::buildRunActions()
{
    const auto add = [this](const QString &text, const QKeySequence &key, auto pick) {
        auto *action = new QAction(text, this);
        action->setShortcut(key);
        connect(action, &QAction::triggered, this, [pick] {
            if (QPushButton *target = pick(); target && target->isEnabled())
                target->click();
        });
        m_runActions.push_back(action);
    };
    add(tr("&Start or Continue"), QKeySequence(Qt::Key_F5),
        [this] { return m_continue->isEnabled() && m_controller->isLive() ? m_continue : m_start; });
    add(tr("S&tep"), QKeySequence(Qt::Key_F10), [this] { return m_step; });
    add(tr("Step &Into"), QKeySequence(Qt::Key_F11), [this] { return m_stepInto; });
    add(tr("Step &Event"), QKeySequence(Qt::CTRL | Qt::Key_F11), [this] { return m_stepEvent; });
    add(tr("Step &Back"), QKeySequence(Qt::CTRL | Qt::Key_F10), [this] { return m_back; });
    add(tr("&Pause"), QKeySequence(Qt::Key_F6), [this] { return m_pause; });
    add(tr("St&op"), QKeySequence(Qt::SHIFT | Qt::Key_F5), [this] { return m_stop; });
    add(tr("&Restart"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5), [this] { return m_restart; });
}

QWidget *ExecutionPanel::buildHandlers()
{
    auto *box = new QGroupBox(tr("Task handlers and clock"), this);
    auto *form = new QFormLayout(box);
    auto pathRow = [&](QLineEdit *&edit, const QString &placeholder, auto choose) {
        auto *row = new QHBoxLayout;
        edit = new QLineEdit(box);
        edit->setReadOnly(true);
        edit->setPlaceholderText(placeholder);
        auto *browse = new QPushButton(tr("Choose…"), box);
        auto *clear = new QPushButton(tr("Clear"), box);
        row->addWidget(edit, 1);
        row->addWidget(browse);
        row->addWidget(clear);
        connect(browse, &QPushButton::clicked, this, choose);
        QLineEdit *target = edit;
        connect(clear, &QPushButton::clicked, this, [this, target] {
            target->clear();
            refreshTestCases();
            refreshPrograms();
            saveForFile();
        });
        return row;
    };
    form->addRow(tr("Mock config"), pathRow(m_mockPath, tr("none: Step Functions Local MockConfigFile.json"),
                                            &ExecutionPanel::chooseMockConfig));
    m_testCase = new QComboBox(box);
    m_testCase->setToolTip(tr("The mock config's test case this run uses"));
    form->addRow(tr("Test case"), m_testCase);
    form->addRow(tr("Bindings"), pathRow(m_bindingsPath, tr("none: local programs answering Tasks"),
                                         &ExecutionPanel::chooseBindings));
    m_programs = new QLabel(box);
    m_programs->setWordWrap(true);
    m_programs->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Programs"), m_programs);
    m_clock = new QComboBox(box);
    m_clock->addItem(tr("Virtual: waits and retry intervals take no time"), 0);
    m_clock->addItem(tr("Real: waits really wait"), 1);
    form->addRow(tr("Clock"), m_clock);
    m_historyLimit = new QComboBox(box);
    m_historyLimit->setToolTip(tr("A run that reaches this many history events fails with States.Runtime. "
                                  "AWS stops at 25,000; long local loops and big Maps need more."));
    const QLocale locale;
    m_historyLimit->addItem(tr("%1 events (AWS's limit)").arg(locale.toString(25000)), 25000);
    for (int limit : {100000, 1000000, 10000000})
        m_historyLimit->addItem(tr("%1 events (local only)").arg(locale.toString(limit)), limit);
    form->addRow(tr("History limit"), m_historyLimit);
    connect(m_historyLimit, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            saveForFile();
    });
    connect(m_testCase, &QComboBox::currentTextChanged, this, [this] {
        if (!m_loading)
            saveForFile();
    });
    connect(m_clock, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            saveForFile();
    });
    return box;
}

void ExecutionPanel::loadForFile()
{
    m_loading = true;
    const QString file = m_document->filePath();
    QSettings settings;
    QString input = settings.value(settingsKey(file, "input")).toString();
    QString mock = settings.value(settingsKey(file, "mockConfig"), sibling(file, ".mockconfig.json")).toString();
    QString bindings = settings.value(settingsKey(file, "bindings")).toString();
    if (input.isEmpty()) {
        const QString example = sibling(file, ".input.json");
        QFile f(example);
        input = !example.isEmpty() && f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll())
                                                                : QStringLiteral("{}");
    }
    m_input->setPlainText(input);
    m_mockPath->setText(mock);
    m_bindingsPath->setText(bindings);
    refreshTestCases();
    const QString testCase = settings.value(settingsKey(file, "testCase")).toString();
    if (!testCase.isEmpty())
        m_testCase->setCurrentText(testCase);
    m_clock->setCurrentIndex(settings.value(settingsKey(file, "clock"), 0).toInt());
    m_historyLimit->setCurrentIndex(
        std::max(0, m_historyLimit->findData(settings.value(settingsKey(file, "historyLimit"), 25000).toInt())));
    refreshPrograms();
    m_loading = false;
    validateInput();
}

void ExecutionPanel::saveForFile() const
{
    const QString file = m_document->filePath();
    if (file.isEmpty())
        return;
    QSettings settings;
    settings.setValue(settingsKey(file, "input"), m_input->toPlainText());
    settings.setValue(settingsKey(file, "mockConfig"), m_mockPath->text());
    settings.setValue(settingsKey(file, "testCase"), m_testCase->currentText());
    settings.setValue(settingsKey(file, "bindings"), m_bindingsPath->text());
    settings.setValue(settingsKey(file, "clock"), m_clock->currentIndex());
    settings.setValue(settingsKey(file, "historyLimit"), m_historyLimit->currentData().toInt());
}

void ExecutionPanel::validateInput()
{
    auto parsed = parseInput(m_input->toPlainText());
    if (auto *error = std::get_if<QString>(&parsed))
        m_inputStatus->setText(QStringLiteral("<span style='color:#D91515'>%1</span>")
                                   .arg(error->toHtmlEscaped()));
    else
        m_inputStatus->setText(QStringLiteral("<span style='color:#037F0C'>✓</span> %1")
                                   .arg(tr("Valid JSON")));
}

void ExecutionPanel::chooseMockConfig()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Mock config"), m_mockPath->text(),
                                                      tr("JSON (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    m_mockPath->setText(path);
    refreshTestCases();
    saveForFile();
}

void ExecutionPanel::chooseBindings()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Bindings"), m_bindingsPath->text(),
                                                      tr("JSON (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    m_bindingsPath->setText(path);
    refreshPrograms();
    saveForFile();
}

void ExecutionPanel::refreshTestCases()
{
    m_testCase->clear();
    const QString path = m_mockPath->text();
    m_testCase->setEnabled(!path.isEmpty());
    if (path.isEmpty())
        return;
    RunConfig probe;
    auto names = mockTestCases(path, machineNameFor(probe, m_document->filePath()));
    if (auto *error = std::get_if<QString>(&names)) {
        m_testCase->setToolTip(*error);
        m_status->setText(QStringLiteral("<span style='color:#D91515'>%1</span>").arg(error->toHtmlEscaped()));
        return;
    }
    m_testCase->addItems(std::get<QStringList>(names));
}

void ExecutionPanel::refreshPrograms()
{
    const QString path = m_bindingsPath->text();
    if (path.isEmpty()) {
        m_programs->setText(tr("<i>No bindings: no program will be started.</i>"));
        return;
    }
    auto programs = boundPrograms(path);
    if (auto *error = std::get_if<QString>(&programs)) {
        m_programs->setText(QStringLiteral("<span style='color:#D91515'>%1</span>").arg(error->toHtmlEscaped()));
        return;
    }
    QStringList lines;
    for (const QString &line : std::get<QStringList>(programs))
        lines << line.toHtmlEscaped();
    m_programs->setText(tr("A run may start, as %1 says:").arg(QFileInfo(path).absoluteFilePath().toHtmlEscaped())
                        + QStringLiteral("<br><tt>") + lines.join(QStringLiteral("<br>"))
                        + QStringLiteral("</tt>"));
}

bool ExecutionPanel::applyConfig()
{
    RunConfig config = m_controller->runConfig();
    config.inputText = m_input->toPlainText();
    config.mockConfigPath = m_mockPath->text();
    config.testCase = m_testCase->currentText();
    config.bindingsPath = m_bindingsPath->text();
    config.clock = m_clock->currentIndex() == 1 ? engine::ClockMode::Real : engine::ClockMode::Virtual;
    config.maxHistoryEvents = static_cast<std::size_t>(m_historyLimit->currentData().toInt());
    m_controller->setRunConfig(config);
    return true;
}

void ExecutionPanel::run(bool (DebugController::*action)())
{
    const bool fresh = action == &DebugController::start || action == &DebugController::restart
                       || !m_controller->isLive();
    if (fresh) {
        applyConfig();
        if (!programsApproved())
            return;
    }
    (m_controller->*action)();
    updateControls();
}

bool ExecutionPanel::programsApproved()
{
    const QString bindings = m_bindingsPath->text();
    if (bindings.isEmpty() || ProgramApproval::isApproved(m_document->filePath(), bindings))
        return true; // a mock config alone starts nothing
    refreshPrograms(); // the file may have changed since it was chosen
    auto programs = boundPrograms(bindings);
    if (auto *error = std::get_if<QString>(&programs)) {
        m_status->setText(QStringLiteral("<span style='color:#D91515'>%1</span>").arg(error->toHtmlEscaped()));
        return false;
    }
    const QString full = QFileInfo(bindings).absoluteFilePath();
    const bool yes = m_confirmPrograms ? m_confirmPrograms(full, std::get<QStringList>(programs))
                                       : askInDialog(full, std::get<QStringList>(programs));
    if (!yes) {
        m_status->setText(tr("Not started: its programs were not approved."));
        m_status->setToolTip(tr("The programs %1 would start were not approved.").arg(full));
        return false;
    }
    ProgramApproval::approve(m_document->filePath(), bindings);
    return true;
}

bool ExecutionPanel::askInDialog(const QString &bindingsPath, const QStringList &programs)
{
    QMessageBox box(QMessageBox::Warning, tr("Start local programs?"),
                    tr("This run will start programs on this computer, as the bindings file "
                       "<b>%1</b> says. Run them only if you trust that file.")
                        .arg(bindingsPath.toHtmlEscaped()),
                    QMessageBox::Yes | QMessageBox::No, this);
    QStringList lines;
    for (const QString &line : programs)
        lines << line.toHtmlEscaped();
    box.setInformativeText(QStringLiteral("<tt>") + lines.join(QStringLiteral("<br>"))
                           + QStringLiteral("</tt><br><br>")
                           + tr("You will be asked again when the bindings file changes."));
    box.setDefaultButton(QMessageBox::No);
    box.button(QMessageBox::Yes)->setText(tr("Start the programs"));
    box.button(QMessageBox::No)->setText(tr("Cancel"));
    return box.exec() == QMessageBox::Yes;
}

void ExecutionPanel::updateControls()
{
    using Phase = DebugController::Phase;
    const Phase phase = m_controller->phase();
    const bool running = phase == Phase::Running;
    const bool live = m_controller->isLive();
    m_start->setEnabled(!running);
    for (QPushButton *b : {m_step, m_stepInto, m_stepEvent})
        b->setEnabled(!running);
    m_continue->setEnabled(!running);
    m_pause->setEnabled(running);
    m_stop->setEnabled(live);
    m_restart->setEnabled(m_controller->execution() != nullptr);
    const std::optional<QString> refusal = m_controller->redriveRefusal();
    m_redrive->setEnabled(!refusal);
    m_redrive->setToolTip(refusal ? *refusal
                                  : tr("Redrive the run from the state that failed, as AWS RedriveExecution "
                                       "does: the same history, successful states are not run again"));
    m_back->setEnabled(m_controller->cursor() > 0);
    m_stale->setVisible(m_controller->isStale());
    if (running)
        m_status->setText(tr("Running…"));
}

void ExecutionPanel::showProgress(const RunProgress &progress)
{
    const QLocale locale;
    QString text = tr("%1 events").arg(locale.toString(static_cast<qulonglong>(progress.events)));
    if (progress.mapIterationsTotal > 0)
        text += tr(" · Map iterations %1 of %2")
                    .arg(locale.toString(static_cast<qulonglong>(progress.mapIterationsDone)),
                         locale.toString(static_cast<qulonglong>(progress.mapIterationsTotal)));
    text += tr(" · virtual %1 · real %2")
                .arg(formatElapsed(progress.virtualElapsedMs), formatElapsed(progress.realElapsedMs));
    m_progress->setText(text);
}

} // namespace stepwise::ui
