// History panel: filtered event table + details JSON, bound to the time cursor.
#include "ui/debug/HistoryPanel.h"

#include "ui/debug/DebugController.h"
#include "ui/debug/HistoryFilterModel.h"
#include "ui/debug/HistoryModel.h"
#include "ui/debug/JsonView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <set>

namespace stepwise::ui {

HistoryPanel::HistoryPanel(DebugController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    m_model = new HistoryModel(controller, this);
    m_filter = new HistoryFilterModel(this);
    m_filter->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *filters = new QHBoxLayout;
    m_type = new QComboBox(this);
    for (const QString &group : HistoryFilterModel::typeGroups())
        m_type->addItem(group.isEmpty() ? tr("All types") : group, group);
    m_type->setToolTip(tr("Show only these event types"));
    m_state = new QComboBox(this);
    m_state->setToolTip(tr("Show only the events of one state"));
    m_state->setMinimumContentsLength(16);
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search types, steps and event details"));
    m_search->setClearButtonEnabled(true);
    filters->addWidget(m_type);
    filters->addWidget(m_state);
    filters->addWidget(m_search, 1);
    layout->addLayout(filters);

    auto *split = new QSplitter(Qt::Horizontal, this);
    m_table = new QTableView(split);
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    // Fixed row heights and no per-row size hints: what keeps 100,000 rows smooth.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    const int chars = m_table->fontMetrics().averageCharWidth();
    const std::pair<int, int> widths[] = {{HistoryModel::IdColumn, 7}, {HistoryModel::TypeColumn, 26},
                                          {HistoryModel::StepColumn, 20}, {HistoryModel::ResourceColumn, 22},
                                          {HistoryModel::StartedAfterColumn, 13}};
    for (const auto &[column, inChars] : widths)
        m_table->setColumnWidth(column, inChars * chars);
    m_details = new JsonView(split);
    m_details->setPlaceholderText(tr("Select an event to see its details"));
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    m_empty = new QLabel(tr("No run yet: press Start in the Execution panel, or open a stored run."), this);
    layout->addWidget(m_empty);

    connect(m_type, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setTypeGroup(m_type->currentData().toString()); });
    connect(m_state, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setStateName(m_state->currentData().toString()); });
    // Typing filters after a short pause, so long histories do not refilter on every key.
    auto *searchDelay = new QTimer(this);
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(200);
    connect(m_search, &QLineEdit::textChanged, searchDelay, qOverload<>(&QTimer::start));
    connect(searchDelay, &QTimer::timeout, this, [this] { m_filter->setSearchText(m_search->text()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HistoryPanel::rowSelected);
    connect(controller, &DebugController::cursorChanged, this, &HistoryPanel::followCursor);
    connect(controller, &DebugController::runReset, this, &HistoryPanel::refillStates);
    refillStates();
}

void HistoryPanel::refillStates()
{
    m_empty->setVisible(!m_controller->hasRun());
    const QString keep = m_state->currentData().toString();
    m_state->blockSignals(true);
    m_state->clear();
    m_state->addItem(tr("All states"), QString());
    std::set<QString> names;
    if (const NodeLocator *locator = m_controller->locator())
        for (const graph::NodeSpec &node : locator->graph().nodes)
            if (node.kind == graph::NodeKind::State)
                names.insert(QString::fromStdString(node.name));
    for (const QString &name : names)
        m_state->addItem(name, name);
    m_state->setCurrentIndex(std::max(0, m_state->findData(keep)));
    m_state->blockSignals(false);
    m_filter->setStateName(m_state->currentData().toString());
    m_details->showJson(std::nullopt, tr("Select an event to see its details"));
}

void HistoryPanel::rowSelected()
{
    if (m_syncing)
        return;
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    const int eventIndex = current.data(HistoryModel::EventIndexRole).toInt();
    showDetails(eventIndex);
    m_syncing = true;
    m_controller->setCursor(eventIndex);
    m_syncing = false;
}

void HistoryPanel::followCursor(int index)
{
    showDetails(index);
    if (m_syncing || index < 0)
        return;
    const QModelIndex proxy = m_filter->mapFromSource(m_model->index(index, 0));
    if (!proxy.isValid())
        return; // filtered out: keep the selection the user made
    m_syncing = true;
    m_table->selectionModel()->setCurrentIndex(
        proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(proxy);
    m_syncing = false;
}

void HistoryPanel::showDetails(int eventIndex)
{
    const engine::HistoryEvent *event = m_model->event(eventIndex);
    if (!event) {
        m_details->showJson(std::nullopt, tr("Select an event to see its details"));
        return;
    }
    Json shown = Json::object();
    shown["id"] = event->id;
    shown["previousEventId"] = event->previousEventId;
    shown["type"] = event->type;
    if (!event->stateName.empty())
        shown["step"] = event->stateName;
    if (!event->scope.empty())
        shown["scope"] = event->scope;
    if (!event->detailsKey.empty()) {
        // input/output/parameters are JSON texts in AWS's model; show them as JSON.
        Json details = event->details;
        for (const char *key : {"input", "output", "parameters"})
            if (details.is_object() && details.contains(key) && details[key].is_string()) {
                Json parsed = Json::parse(details[key].get<std::string>(), nullptr, false);
                if (!parsed.is_discarded())
                    details[key] = std::move(parsed);
            }
        shown[event->detailsKey] = std::move(details);
    }
    m_details->showJson(shown);
}

} // namespace stepwise::ui
