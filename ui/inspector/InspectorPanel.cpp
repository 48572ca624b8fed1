#include "ui/inspector/InspectorPanel.h"

#include "core/asl/Edits.h"
#include "core/asl/EditsInsert.h"
#include "core/asl/EditsState.h"
#include "core/asl/Serializer.h"
#include "ui/commands/EditStateCommand.h"
#include "ui/commands/RenameStateCommand.h"
#include "ui/commands/SetMachineFieldCommand.h"
#include "ui/document/Document.h"
#include "ui/inspector/FieldFocus.h"
#include "ui/inspector/FieldForm.h"
#include "ui/inspector/StateForms.h"
#include "ui/palette/StateIcons.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace stepwise::ui {
namespace {

QStringList scopeNames(const asl::StateMachine &root, const asl::StatePath &path)
{
    QStringList names;
    if (const asl::StateMachine *scope = asl::edits::findScope(root, path.scopePointer()))
        for (const asl::State &state : scope->states)
            if (asl::common(state).name != path.name())
                names << QString::fromStdString(asl::common(state).name);
    return names;
}

// The language a state's fields are read in (spec §1.3).
FieldLanguage languageOf(const asl::StateMachine &root, const asl::State &state)
{
    return asl::queryLanguageOf(state, root) == asl::QueryLanguage::JSONata
               ? FieldLanguage::JSONata
               : FieldLanguage::JSONPath;
}

QScrollArea *scrolling(QWidget *content, QWidget *parent)
{
    auto *scroll = new QScrollArea(parent);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    return scroll;
}

} // namespace

InspectorPanel::InspectorPanel(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_stack(new QStackedWidget(this)),
      m_machineForm(new FieldForm), m_machineTitle(new QLabel), m_statePage(new QWidget),
      m_icon(new QLabel), m_name(new QLineEdit), m_type(new QLabel), m_nameError(new QLabel),
      m_problems(new QLabel), m_scroll(new QScrollArea), m_multi(new QLabel)
{
    // The machine page: shown when nothing is selected.
    auto *machinePage = new QWidget;
    auto *machineLayout = new QVBoxLayout(machinePage);
    m_machineTitle->setText(tr("<b>State machine</b><br><small>Select a state on the canvas to "
                               "edit it.</small>"));
    m_machineTitle->setWordWrap(true);
    machineLayout->addWidget(m_machineTitle);
    for (const FieldSpec &spec : machineFieldSpecs())
        m_machineForm->addField(spec);
    machineLayout->addWidget(m_machineForm);
    machineLayout->addStretch();
    connect(m_machineForm, &FieldForm::edited, this, [this](const Json &edited) {
        if (!m_document->hasMachine())
            return;
        const Json before = asl::toJson(m_document->machine());
        for (const std::string &key : asl::edits::changedKeys(before, edited)) {
            if (key == "States")
                continue;
            auto it = edited.find(key);
            m_document->undoStack()->push(new SetMachineFieldCommand(
                m_document, key, it == edited.end() ? std::nullopt : std::optional<Json>(*it)));
        }
    });

    // The state page: header (icon, name, type), problems, then the type's form.
    auto *header = new QHBoxLayout;
    m_icon->setFixedSize(24, 24);
    header->addWidget(m_icon);
    header->addWidget(m_name, 1);
    header->addWidget(m_type);
    m_name->setToolTip(tr("The state's name; renaming updates every transition to it"));
    QFont nameFont = m_name->font();
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_type->setStyleSheet(QStringLiteral("color: palette(mid);"));
    for (QLabel *label : {m_nameError, m_problems}) {
        label->setWordWrap(true);
        label->setStyleSheet(QStringLiteral("color: #D91515;"));
        label->hide();
    }
    auto *stateLayout = new QVBoxLayout(m_statePage);
    stateLayout->addLayout(header);
    stateLayout->addWidget(m_nameError);
    stateLayout->addWidget(m_problems);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    stateLayout->addWidget(m_scroll, 1);
    connect(m_name, &QLineEdit::editingFinished, this, &InspectorPanel::commitName);

    m_multi->setAlignment(Qt::AlignCenter);
    m_multi->setWordWrap(true);

    m_stack->addWidget(scrolling(machinePage, m_stack));
    m_stack->addWidget(m_statePage);
    m_stack->addWidget(m_multi);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    setMinimumWidth(300);

    connect(document, &Document::machineChanged, this, &InspectorPanel::refresh);
    refresh();
}

void InspectorPanel::setSelection(const std::vector<std::string> &ids)
{
    m_selectionCount = static_cast<int>(ids.size());
    const std::string id = ids.size() == 1 ? ids.front() : std::string();
    if (id != m_currentId && m_stateForm) {
        m_stateForm->deleteLater(); // a new state: a fresh form (its type may differ)
        m_stateForm = nullptr;
    }
    m_currentId = id;
    refresh();
}

void InspectorPanel::refresh()
{
    if (!m_document->hasMachine()) {
        m_multi->setText(tr("Open or create a state machine to edit it."));
        m_stack->setCurrentWidget(m_multi);
        return;
    }
    if (m_selectionCount > 1) {
        m_multi->setText(tr("%1 states selected").arg(m_selectionCount));
        m_stack->setCurrentWidget(m_multi);
        return;
    }
    if (!m_currentId.empty() &&
        asl::edits::findState(m_document->machine(), asl::StatePath{m_currentId}))
        showState();
    else
        showMachine();
}

void InspectorPanel::showMachine()
{
    const asl::StateMachine &machine = m_document->machine();
    QStringList names;
    for (const asl::State &state : machine.states)
        names << QString::fromStdString(asl::common(state).name);
    m_machineForm->setStateNames(names);
    m_machineForm->load(asl::toJson(machine));
    m_stack->setCurrentIndex(0);
}

void InspectorPanel::showState()
{
    const asl::StateMachine &root = m_document->machine();
    const asl::StatePath path{m_currentId};
    const asl::State &state = *asl::edits::findState(root, path);
    const asl::StateType type = asl::stateType(state);
    if (m_stateForm && m_stateForm->type() != type) {
        m_stateForm->deleteLater();
        m_stateForm = nullptr;
    }
    if (!m_stateForm) {
        m_stateForm = new StateForm(
            type,
            [this](const std::string &base) {
                return asl::edits::uniqueName(m_document->machine(), base);
            },
            m_scroll);
        connect(m_stateForm, &StateForm::edited, this, &InspectorPanel::commitState);
        if (QWidget *old = m_scroll->takeWidget())
            old->deleteLater();
        m_scroll->setWidget(m_stateForm);
    }
    m_icon->setPixmap(stateTypeIcon(type).pixmap(24, 24));
    if (!m_name->hasFocus())
        m_name->setText(QString::fromStdString(path.name()));
    m_type->setText(QString::fromLatin1(asl::typeName(type)));
    QStringList problems;
    for (const Diagnostic &d : m_document->diagnostics())
        if (d.path == m_currentId || d.path.starts_with(m_currentId + "/"))
            problems << QStringLiteral("• %1").arg(QString::fromStdString(d.message).toHtmlEscaped());
    m_problems->setText(problems.join(QStringLiteral("<br>")));
    m_problems->setVisible(!problems.isEmpty());
    m_stateForm->load(asl::edits::stateToJson(state), scopeNames(root, path),
                      languageOf(root, state));
    refreshPreview();
    m_stack->setCurrentWidget(m_statePage);
}

void InspectorPanel::commitState(const Json &edited)
{
    if (!m_document->hasMachine() || m_currentId.empty())
        return;
    const asl::StatePath path{m_currentId};
    const asl::State *current = asl::edits::findState(m_document->machine(), path);
    if (!current)
        return;
    auto state = asl::edits::stateFromJson(path.name(), edited);
    if (!state) {
        m_nameError->setText(QString::fromStdString(state.error()));
        m_nameError->show();
        return;
    }
    if (asl::edits::stateToJson(*state) == asl::edits::stateToJson(*current))
        return;
    m_nameError->hide();
    m_document->undoStack()->push(new EditStateCommand(m_document, path, std::move(state).value()));
}

void InspectorPanel::commitName()
{
    if (!m_document->hasMachine() || m_currentId.empty())
        return;
    const asl::StatePath path{m_currentId};
    const std::string name = m_name->text().trimmed().toStdString();
    if (name == path.name()) {
        m_nameError->hide();
        return;
    }
    const asl::StateMachine *scope = asl::edits::findScope(m_document->machine(), path.scopePointer());
    if (!scope)
        return;
    if (auto problem = asl::edits::checkNewName(*scope, name)) {
        m_nameError->setText(QString::fromStdString(*problem));
        m_nameError->show();
        return;
    }
    m_nameError->hide();
    m_currentId = path.renamed(name).pointer; // keep showing the state under its new name
    m_document->undoStack()->push(new RenameStateCommand(m_document, path, name));
}

void InspectorPanel::setVisitProvider(VisitProvider provider)
{
    m_visitProvider = std::move(provider);
    refreshPreview();
}

void InspectorPanel::refreshPreview()
{
    if (!m_stateForm || m_currentId.empty())
        return;
    m_stateForm->setVisit(m_visitProvider ? m_visitProvider(m_currentId) : std::nullopt);
}

std::string InspectorPanel::stateIdAt(const std::string &jsonPointer) const
{
    if (!m_document->hasMachine())
        return {};
    // State pointers alternate ".../States/<name>": the deepest one that exists holds the field.
    const std::vector<std::string> segments = asl::StatePath{jsonPointer}.segments();
    std::string prefix;
    std::string found;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        prefix += '/' + asl::escapePointerSegment(segments[i]);
        if (i > 0 && segments[i - 1] == "States" &&
            asl::edits::findState(m_document->machine(), asl::StatePath{prefix}))
            found = prefix;
    }
    return found;
}

QWidget *InspectorPanel::focusField(const std::string &jsonPointer)
{
    if (!m_document->hasMachine())
        return nullptr;
    const std::string id = stateIdAt(jsonPointer);
    if (id != m_currentId || m_selectionCount != (id.empty() ? 0 : 1))
        setSelection(id.empty() ? std::vector<std::string>{} : std::vector<std::string>{id});
    const std::vector<std::string> all = asl::StatePath{jsonPointer}.segments();
    const std::size_t depth = id.empty() ? 0 : asl::StatePath{id}.segments().size();
    const std::vector<std::string> tokens(all.begin() + static_cast<long>(depth), all.end());
    QWidget *focused = nullptr;
    if (id.empty()) {
        focused = focusFieldIn(*m_machineForm, tokens);
        if (focused)
            if (auto *scroll = qobject_cast<QScrollArea *>(m_stack->currentWidget()))
                scroll->ensureWidgetVisible(focused);
    } else if (m_stateForm) {
        focused = m_stateForm->focusField(tokens);
        if (focused)
            m_scroll->ensureWidgetVisible(focused);
    }
    return focused;
}

} // namespace stepwise::ui
