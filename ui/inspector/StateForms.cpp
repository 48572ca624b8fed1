#include "ui/inspector/StateForms.h"

#include "ui/inspector/ChoiceRulesEditor.h"
#include "ui/inspector/FieldFocus.h"
#include "ui/inspector/FieldForm.h"
#include "ui/inspector/ObjectListEditor.h"
#include "ui/palette/PaletteCatalog.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace stepwise::ui {
namespace {

using K = FieldKind;
using L = FieldLanguage;
using T = asl::StateType;

QString tr(const char *text)
{
    return QObject::tr(text);
}

FieldSpec field(const char *key, K kind, L language, const char *tip, const char *placeholder = "")
{
    return {{key}, QString::fromLatin1(key), kind, language, tr(tip), {}, QString::fromUtf8(placeholder)};
}

// Parallel branches: how many there are, and adding or removing one (the states inside are
// edited on the canvas).
class BranchesField : public FieldWidget
{
public:
    BranchesField(std::function<std::string(const std::string &)> uniqueName, QWidget *parent)
        : FieldWidget({{"Branches"}, tr("Branches"), K::Json, L::Any,
                       tr("Branches run at the same time; edit their states on the canvas"),
                       {}, {}},
                      parent),
          m_uniqueName(std::move(uniqueName)), m_label(new QLabel(this))
    {
        auto *add = new QToolButton(this);
        add->setText(tr("Add branch"));
        m_remove = new QToolButton(this);
        m_remove->setText(tr("Remove last"));
        m_remove->setToolTip(tr("Removes the last branch and its states"));
        auto *layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_label, 1);
        layout->addWidget(add);
        layout->addWidget(m_remove);
        connect(add, &QToolButton::clicked, this, [this] {
            const std::string name =
                m_uniqueName("Branch " + std::to_string(m_branches.size() + 1));
            Json branch = Json::object();
            branch["StartAt"] = name;
            branch["States"][name] = Json::object({{"Type", "Pass"}, {"End", true}});
            m_branches.push_back(branch);
            emit committed();
        });
        connect(m_remove, &QToolButton::clicked, this, [this] {
            if (m_branches.size() <= 1)
                return;
            m_branches.erase(m_branches.end() - 1);
            emit committed();
        });
    }

protected:
    void display(const std::optional<Json> &value) override
    {
        m_branches = value && value->is_array() ? *value : Json::array();
        m_label->setText(tr("%n branch(es)", nullptr, static_cast<int>(m_branches.size())));
        m_remove->setEnabled(m_branches.size() > 1);
    }
    std::optional<Json> displayed() const override { return m_branches; }

private:
    std::function<std::string(const std::string &)> m_uniqueName;
    Json m_branches = Json::array();
    QLabel *m_label;
    QToolButton *m_remove = nullptr;
};

bool hasNext(T type)
{
    return type != T::Choice && type != T::Succeed && type != T::Fail;
}

} // namespace

QStringList knownTaskResources()
{
    QStringList resources;
    for (const PaletteEntry &entry : paletteCatalog())
        if (auto it = entry.state.find("Resource"); it != entry.state.end())
            resources << QString::fromStdString(it->get<std::string>());
    resources << QStringLiteral("arn:aws:states:::lambda:invoke.waitForTaskToken")
              << QStringLiteral("arn:aws:states:::sqs:sendMessage.waitForTaskToken")
              << QStringLiteral("arn:aws:states:::sns:publish.waitForTaskToken")
              << QStringLiteral("arn:aws:states:::states:startExecution")
              << QStringLiteral("arn:aws:states:::states:startExecution.sync")
              << QStringLiteral("arn:aws:states:::ecs:runTask.sync")
              << QStringLiteral("arn:aws:states:::batch:submitJob.sync")
              << QStringLiteral("arn:aws:states:::glue:startJobRun.sync")
              << QStringLiteral("arn:aws:states:::events:putEvents.waitForTaskToken")
              << QStringLiteral("arn:aws:states:::aws-sdk:s3:getObject")
              << QStringLiteral("arn:aws:states:::aws-sdk:s3:putObject")
              << QStringLiteral("arn:aws:lambda:us-east-1:123456789012:function:MyFunction");
    resources.removeDuplicates();
    return resources;
}

std::vector<FieldSpec> machineFieldSpecs()
{
    return {
        field("Comment", K::Text, L::Any, "A description of the state machine"),
        field("StartAt", K::StateRef, L::Any, "The state the execution starts in"),
        {{"QueryLanguage"}, QStringLiteral("QueryLanguage"), K::Enum, L::Any,
         tr("The default for every state: JSONPath (the default) or JSONata"),
         {QStringLiteral("JSONPath"), QStringLiteral("JSONata")}, {}},
        field("TimeoutSeconds", K::Number, L::Any,
              "Fails the execution with States.Timeout after this many seconds"),
        field("Version", K::Text, L::Any, "The ASL version (1.0)", "1.0"),
    };
}

StateForm::StateForm(asl::StateType type,
                     std::function<std::string(const std::string &)> uniqueName, QWidget *parent)
    : QWidget(parent), m_type(type), m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    std::vector<FieldSpec> general{
        field("Comment", K::Text, L::Any, "A description of the state"),
        {{"QueryLanguage"}, QStringLiteral("QueryLanguage"), K::Enum, L::Any,
         tr("Overrides the machine's query language for this state"),
         {QStringLiteral("JSONPath"), QStringLiteral("JSONata")}, {}},
    };
    if (hasNext(type))
        general.push_back({{"Next"}, QStringLiteral("Next"), K::NextOrEnd, L::Any,
                           tr("The next state, or (End) to end here"), {}, tr("state name")});
    addSection(tr("General"), general);

    switch (type) {
    case T::Task: {
        FieldSpec resource = field("Resource", K::Resource, L::Any,
                                   "The service integration or activity ARN to call");
        resource.options = knownTaskResources();
        addSection(tr("Task"),
                   {resource,
                    field("TimeoutSeconds", K::Number, L::Any,
                          "Fails with States.Timeout after this many seconds (default 60 for "
                          "activities and callbacks, 99999999 otherwise)"),
                    field("TimeoutSecondsPath", K::Path, L::JSONPath, "A path to the timeout"),
                    field("HeartbeatSeconds", K::Number, L::Any,
                          "Fails with States.HeartbeatTimeout when no heartbeat comes in time"),
                    field("HeartbeatSecondsPath", K::Path, L::JSONPath, "A path to the heartbeat"),
                    field("Credentials", K::Json, L::Any,
                          "A role to assume for the call: {\"RoleArn\": \"...\"}")});
        break;
    }
    case T::Choice: {
        m_choices = new ChoiceRulesEditor(this);
        FieldForm *form = addSection(tr("Choice rules"), {});
        form->addEditor(m_choices);
        form->addField(field("Default", K::StateRef, L::Any,
                             "The state when no rule matches (without it: States.NoChoiceMatched)",
                             "state name"));
        break;
    }
    case T::Wait:
        addSection(tr("Wait"),
                   {field("Seconds", K::Number, L::Any, "Seconds to wait (or a JSONata expression)", "10"),
                    field("Timestamp", K::Text, L::Any, "Wait until this RFC 3339 time",
                          "2026-01-01T00:00:00Z"),
                    field("SecondsPath", K::Path, L::JSONPath, "A path to the seconds", "$.delay"),
                    field("TimestampPath", K::Path, L::JSONPath, "A path to the timestamp",
                          "$.until")});
        break;
    case T::Fail:
        addSection(tr("Fail"),
                   {field("Error", K::Text, L::Any, "The error name", "OrderFailed"),
                    field("Cause", K::Text, L::Any, "A human-readable cause"),
                    field("ErrorPath", K::Path, L::JSONPath, "A path or intrinsic giving the error"),
                    field("CausePath", K::Path, L::JSONPath, "A path or intrinsic giving the cause")});
        break;
    case T::Pass:
        addSection(tr("Pass"), {field("Result", K::Json, L::JSONPath,
                                      "A fixed result, instead of the input")});
        break;
    case T::Parallel: {
        FieldForm *form = addSection(tr("Parallel"), {});
        form->addEditor(new BranchesField(std::move(uniqueName), this));
        break;
    }
    case T::Map: {
        FieldSpec mode{{"ItemProcessor", "ProcessorConfig", "Mode"}, tr("Processing mode"), K::Enum,
                       L::Any, tr("INLINE runs iterations in this execution; DISTRIBUTED as child executions"),
                       {QStringLiteral("INLINE"), QStringLiteral("DISTRIBUTED")}, {}};
        FieldSpec execution{{"ItemProcessor", "ProcessorConfig", "ExecutionType"},
                            tr("Execution type"), K::Enum, L::Any,
                            tr("Child workflow type in DISTRIBUTED mode"),
                            {QStringLiteral("STANDARD"), QStringLiteral("EXPRESS")}, {}};
        addSection(tr("Map"),
                   {field("ItemsPath", K::Path, L::JSONPath, "Where the array is in the input", "$.items"),
                    field("Items", K::Json, L::JSONata, "JSONata: the array to iterate"),
                    field("ItemSelector", K::Json, L::Any, "Each iteration's input"),
                    field("MaxConcurrency", K::Number, L::Any, "Iterations at once (0: no limit)", "0"),
                    field("MaxConcurrencyPath", K::Path, L::JSONPath, "A path to MaxConcurrency"),
                    mode, execution,
                    field("ItemReader", K::Json, L::Any, "DISTRIBUTED: read items from S3"),
                    field("ItemBatcher", K::Json, L::Any, "DISTRIBUTED: batch items per child"),
                    field("ResultWriter", K::Json, L::Any, "DISTRIBUTED: write results to S3"),
                    field("ToleratedFailureCount", K::Number, L::Any, "Failed items tolerated"),
                    field("ToleratedFailureCountPath", K::Path, L::JSONPath, "A path to the count"),
                    field("ToleratedFailurePercentage", K::Number, L::Any, "Failed items tolerated, in %"),
                    field("ToleratedFailurePercentagePath", K::Path, L::JSONPath, "A path to the percentage"),
                    field("Label", K::Text, L::Any, "DISTRIBUTED: names child executions")});
        break;
    }
    case T::Succeed:
        break;
    }

    // Data flow (ASL spec §4): JSONPath fields, or JSONata Arguments / Output.
    std::vector<FieldSpec> io;
    if (type != T::Fail)
        io.push_back(field("InputPath", K::Path, L::JSONPath, "Selects part of the input (null: {})", "$"));
    if (type == T::Pass || type == T::Task || type == T::Parallel)
        io.push_back(field("Parameters", K::Json, L::JSONPath, "The input for the work, with \".$\" paths"));
    if (type == T::Task || type == T::Parallel)
        io.push_back(field("Arguments", K::Json, L::JSONata, "JSONata: the input for the work"));
    if (type == T::Task || type == T::Parallel || type == T::Map)
        io.push_back(field("ResultSelector", K::Json, L::JSONPath, "Shapes the raw result"));
    if (type == T::Pass || type == T::Task || type == T::Parallel || type == T::Map)
        io.push_back(field("ResultPath", K::Path, L::JSONPath,
                           "Where the result goes in the input ($: replaces it; null: discards it)", "$"));
    if (type != T::Fail) {
        io.push_back(field("OutputPath", K::Path, L::JSONPath, "Selects part of the output", "$"));
        io.push_back(field("Output", K::Json, L::JSONata, "JSONata: the state output"));
    }
    if (type != T::Fail && type != T::Succeed)
        io.push_back(field("Assign", K::Json, L::Any, "Variables to set: {\"name\": value}"));
    if (!io.empty())
        addSection(tr("Input and output"), io);

    if (type == T::Task || type == T::Parallel || type == T::Map) {
        m_retry = createRetryEditor(this);
        m_catch = createCatchEditor(this);
        addSection(tr("Retry"), {})->addEditor(m_retry);
        addSection(tr("Catch"), {})->addEditor(m_catch);
    }
    m_layout->addStretch();
}

void StateForm::load(const Json &state, const QStringList &stateNames, FieldLanguage language)
{
    if (m_choices)
        m_choices->setLanguage(language);
    for (ObjectListEditor *editor : {m_retry, m_catch})
        if (editor)
            editor->setLanguage(language);
    for (FieldForm *form : m_forms) {
        form->setStateNames(stateNames);
        form->setLanguage(language);
        form->load(state);
    }
}

void StateForm::setVisit(const std::optional<VisitContext> &visit)
{
    for (FieldForm *form : m_forms)
        form->setVisit(visit);
}

QWidget *StateForm::focusField(const std::vector<std::string> &tokens)
{
    for (FieldForm *form : m_forms)
        if (QWidget *focused = focusFieldIn(*form, tokens))
            return focused;
    return nullptr;
}

FieldForm *StateForm::addSection(const QString &title, const std::vector<FieldSpec> &fields)
{
    auto *box = new QGroupBox(title, this);
    auto *boxLayout = new QVBoxLayout(box);
    auto *form = new FieldForm(box);
    boxLayout->addWidget(form);
    for (const FieldSpec &spec : fields)
        form->addField(spec);
    m_layout->addWidget(box);
    m_forms.push_back(form);
    connect(form, &FieldForm::edited, this, &StateForm::edited);
    return form;
}

} // namespace stepwise::ui
