#include "ui/inspector/ObjectListEditor.h"

#include "ui/inspector/FieldForm.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace stepwise::ui {

ObjectListEditor::ObjectListEditor(const FieldSpec &spec, const std::vector<FieldSpec> &fields,
                                   Json blank, Summary summary, QWidget *parent)
    : FieldWidget(spec, parent), m_blank(std::move(blank)), m_summary(std::move(summary)),
      m_list(new QListWidget(this)), m_form(new FieldForm(this)), m_remove(new QToolButton(this)),
      m_up(new QToolButton(this)), m_down(new QToolButton(this))
{
    auto *add = new QToolButton(this);
    add->setText(tr("Add"));
    add->setToolTip(tr("Add a %1 entry").arg(spec.label));
    m_remove->setText(tr("Remove"));
    m_up->setArrowType(Qt::UpArrow);
    m_up->setToolTip(tr("Move up (earlier entries are matched first)"));
    m_down->setArrowType(Qt::DownArrow);
    m_down->setToolTip(tr("Move down"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);

    m_list->setMaximumHeight(96);
    for (const FieldSpec &field : fields)
        m_form->addField(field);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    layout->addWidget(m_form);

    connect(add, &QToolButton::clicked, this, &ObjectListEditor::addElement);
    connect(m_remove, &QToolButton::clicked, this, &ObjectListEditor::removeCurrent);
    connect(m_up, &QToolButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_list, &QListWidget::currentRowChanged, this, &ObjectListEditor::showCurrent);
    connect(m_form, &FieldForm::edited, this, [this](const Json &element) {
        const int row = m_list->currentRow();
        if (row < 0 || row >= count())
            return;
        m_array[static_cast<std::size_t>(row)] = element;
        m_list->item(row)->setText(m_summary(element));
        commitArray();
    });
    rebuildList();
}

void ObjectListEditor::setStateNames(const QStringList &names)
{
    m_form->setStateNames(names);
}

void ObjectListEditor::setLanguage(FieldLanguage language)
{
    m_form->setLanguage(language);
}

int ObjectListEditor::count() const
{
    return static_cast<int>(m_array.size());
}

void ObjectListEditor::setVisit(const std::optional<VisitContext> &visit)
{
    m_form->setVisit(visit);
}

void ObjectListEditor::setCurrentRow(int row)
{
    m_list->setCurrentRow(row);
}

void ObjectListEditor::addElement()
{
    m_array.push_back(m_blank);
    rebuildList();
    m_list->setCurrentRow(count() - 1);
    commitArray();
}

void ObjectListEditor::removeCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= count())
        return;
    m_array.erase(m_array.begin() + row);
    rebuildList();
    m_list->setCurrentRow(std::min(row, count() - 1));
    commitArray();
}

void ObjectListEditor::moveCurrent(int delta)
{
    const int row = m_list->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= count())
        return;
    std::swap(m_array[static_cast<std::size_t>(row)], m_array[static_cast<std::size_t>(to)]);
    rebuildList();
    m_list->setCurrentRow(to);
    commitArray();
}

void ObjectListEditor::display(const std::optional<Json> &value)
{
    const Json incoming = value && value->is_array() ? *value : Json::array();
    if (incoming == m_array)
        return;
    const int row = m_list->currentRow();
    m_array = incoming;
    rebuildList();
    m_list->setCurrentRow(std::min(std::max(row, 0), count() - 1));
}

std::optional<Json> ObjectListEditor::displayed() const
{
    if (m_array.empty())
        return std::nullopt;
    return m_array;
}

void ObjectListEditor::rebuildList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const Json &element : m_array)
        m_list->addItem(m_summary(element));
    m_list->setVisible(count() > 0);
    showCurrent();
}

void ObjectListEditor::showCurrent()
{
    const int row = m_list->currentRow();
    const bool has = row >= 0 && row < count();
    m_form->setVisible(has);
    m_remove->setEnabled(has);
    m_up->setEnabled(has && row > 0);
    m_down->setEnabled(has && row + 1 < count());
    if (has)
        m_form->load(m_array[static_cast<std::size_t>(row)]);
}

void ObjectListEditor::commitArray()
{
    emit committed();
}

namespace {

QString errorsText(const Json &element)
{
    QStringList names;
    if (auto errors = element.find("ErrorEquals"); errors != element.end() && errors->is_array())
        for (const Json &name : *errors)
            if (name.is_string())
                names << QString::fromStdString(name.get<std::string>());
    return names.isEmpty() ? QObject::tr("(no errors)") : names.join(QStringLiteral(", "));
}

QString numberText(const Json &element, const char *key, const char *fallback)
{
    auto it = element.find(key);
    return it == element.end() ? QString::fromLatin1(fallback)
                               : QString::fromStdString(it->dump());
}

const QStringList StandardErrors = {
    QStringLiteral("States.ALL"),           QStringLiteral("States.TaskFailed"),
    QStringLiteral("States.Timeout"),       QStringLiteral("States.HeartbeatTimeout"),
    QStringLiteral("States.Permissions"),   QStringLiteral("States.ResultPathMatchFailure"),
    QStringLiteral("States.ParameterPathFailure"), QStringLiteral("States.BranchFailed"),
    QStringLiteral("States.NoChoiceMatched"), QStringLiteral("States.IntrinsicFailure"),
    QStringLiteral("States.ExceedToleratedFailureThreshold"),
    QStringLiteral("States.ItemReaderFailed"), QStringLiteral("States.ResultWriterFailed"),
    QStringLiteral("States.QueryEvaluationError")};

FieldSpec errorEquals()
{
    return {{"ErrorEquals"}, QObject::tr("Errors"), FieldKind::ErrorList, FieldLanguage::Any,
            QObject::tr("Error names this entry matches, comma-separated. Standard: %1")
                .arg(StandardErrors.join(QStringLiteral(", "))),
            {}, QStringLiteral("States.ALL")};
}

} // namespace

ObjectListEditor *createRetryEditor(QWidget *parent)
{
    using K = FieldKind;
    const std::vector<FieldSpec> fields{
        errorEquals(),
        {{"IntervalSeconds"}, QObject::tr("Interval (s)"), K::Number, FieldLanguage::Any,
         QObject::tr("Seconds before the first retry (default 1)"), {}, QStringLiteral("1")},
        {{"MaxAttempts"}, QObject::tr("Max attempts"), K::Number, FieldLanguage::Any,
         QObject::tr("Retries at most (default 3; 0 never retries)"), {}, QStringLiteral("3")},
        {{"BackoffRate"}, QObject::tr("Backoff rate"), K::Number, FieldLanguage::Any,
         QObject::tr("Multiplier of the interval per attempt (default 2.0)"), {},
         QStringLiteral("2.0")},
        {{"MaxDelaySeconds"}, QObject::tr("Max delay (s)"), K::Number, FieldLanguage::Any,
         QObject::tr("Upper bound of the interval"), {}, {}},
        {{"JitterStrategy"}, QObject::tr("Jitter"), K::Enum, FieldLanguage::Any,
         QObject::tr("FULL randomises each interval; NONE (default) does not"),
         {QStringLiteral("FULL"), QStringLiteral("NONE")}, {}},
        {{"Comment"}, QObject::tr("Comment"), K::Text, FieldLanguage::Any, {}, {}, {}},
    };
    Json blank = Json::object();
    blank["ErrorEquals"] = Json::array({"States.ALL"});
    blank["IntervalSeconds"] = 1;
    blank["MaxAttempts"] = 3;
    blank["BackoffRate"] = 2;
    return new ObjectListEditor(
        {{"Retry"}, QObject::tr("Retry"), K::Json, FieldLanguage::Any,
         QObject::tr("Retry the state on these errors"), {}, {}},
        fields, blank,
        [](const Json &r) {
            return QObject::tr("%1 — ×%2, %3 s, backoff %4")
                .arg(errorsText(r), numberText(r, "MaxAttempts", "3"),
                     numberText(r, "IntervalSeconds", "1"), numberText(r, "BackoffRate", "2.0"));
        },
        parent);
}

ObjectListEditor *createCatchEditor(QWidget *parent)
{
    using K = FieldKind;
    const std::vector<FieldSpec> fields{
        errorEquals(),
        {{"Next"}, QObject::tr("Next"), K::StateRef, FieldLanguage::Any,
         QObject::tr("The state that handles the error"), {}, QObject::tr("state name")},
        {{"ResultPath"}, QObject::tr("ResultPath"), K::Path, FieldLanguage::JSONPath,
         QObject::tr("Where the error output goes in the input (default $: replaces it)"), {},
         QStringLiteral("$.error")},
        {{"Output"}, QObject::tr("Output"), K::Json, FieldLanguage::JSONata,
         QObject::tr("JSONata: the handler's input"), {}, {}},
        {{"Assign"}, QObject::tr("Assign"), K::Json, FieldLanguage::Any,
         QObject::tr("Variables to set when this catcher matches"), {}, {}},
        {{"Comment"}, QObject::tr("Comment"), K::Text, FieldLanguage::Any, {}, {}, {}},
    };
    Json blank = Json::object();
    blank["ErrorEquals"] = Json::array({"States.ALL"});
    blank["Next"] = "";
    return new ObjectListEditor(
        {{"Catch"}, QObject::tr("Catch"), K::Json, FieldLanguage::Any,
         QObject::tr("Send these errors to a handler state"), {}, {}},
        fields, blank,
        [](const Json &c) {
            auto next = c.find("Next");
            const QString target = next != c.end() && next->is_string() &&
                                           !next->get<std::string>().empty()
                                       ? QString::fromStdString(next->get<std::string>())
                                       : QObject::tr("(choose a state)");
            return QObject::tr("%1 → %2").arg(errorsText(c), target);
        },
        parent);
}

} // namespace stepwise::ui
