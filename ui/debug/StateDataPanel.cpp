// State data panel: the visit at the cursor, stage by stage.
#include "ui/debug/StateDataPanel.h"

#include "ui/debug/DebugController.h"
#include "ui/debug/JsonView.h"
#include "ui/debug/RunThrottle.h"
#include "ui/debug/StateVisitData.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace stepwise::ui {

StateDataPanel::StateDataPanel(DebugController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::RichText);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    layout->addWidget(m_error);
    auto *split = new QSplitter(Qt::Horizontal, this);
    m_stages = new QListWidget(split);
    m_stages->setMaximumWidth(220);
    m_value = new JsonView(split);
    split->addWidget(m_stages);
    split->addWidget(m_value);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    m_rules = new QTableWidget(0, 4, this);
    m_rules->setHorizontalHeaderLabels({tr("Rule"), tr("Compared value"), tr("Matched"), tr("Next")});
    m_rules->horizontalHeader()->setStretchLastSection(true);
    m_rules->verticalHeader()->hide();
    m_rules->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rules->setMaximumHeight(150);
    layout->addWidget(m_rules);

    connect(m_stages, &QListWidget::currentRowChanged, this, &StateDataPanel::showStage);
    new RunThrottle(controller, [this] { refresh(); }, this);
    refresh();
}

void StateDataPanel::refresh()
{
    const int keepRow = std::max(0, m_stages->currentRow());
    m_stages->clear();
    m_values.clear();
    m_rules->setRowCount(0);
    m_rules->hide();
    m_error->clear();
    m_error->hide();
    const auto visit = m_controller->visitAtCursor();
    if (!visit) {
        m_title->setText(tr("<i>Select a state visit: step a run or pick an event in the History panel.</i>"));
        m_value->showJson(std::nullopt);
        return;
    }
    QString title = QStringLiteral("<b>%1</b> (%2)").arg(visit->stateName.toHtmlEscaped(), visit->type);
    if (!visit->scope.isEmpty())
        title += tr(" in %1").arg(visit->scope.toHtmlEscaped());
    title += tr(" · entered at event %1").arg(visit->enteredIndex + 1);
    if (visit->retries > 0)
        title += tr(" · ↻ %1 retries").arg(visit->retries);
    if (!visit->finished)
        title += tr(" · <span style='color:#0972D3'>in progress</span>");
    m_title->setText(title);
    if (!visit->error.isEmpty()) {
        m_error->setText(QStringLiteral("<span style='color:#D91515'><b>%1</b></span> %2")
                             .arg(visit->error.toHtmlEscaped(), visit->cause.toHtmlEscaped()));
        m_error->show();
    }
    for (const DataStage &stage : visit->stages) {
        auto *item = new QListWidgetItem(stage.value ? stage.label
                                                     : stage.label + QStringLiteral(" — ") + stage.note,
                                         m_stages);
        if (!stage.value)
            item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        m_values.emplace_back(stage.value, stage.note);
    }
    if (visit->assignedVariables) {
        new QListWidgetItem(tr("Variables assigned"), m_stages);
        m_values.emplace_back(visit->assignedVariables, QString());
    }
    if (visit->visibleVariables) {
        new QListWidgetItem(tr("Variables at entry"), m_stages);
        m_values.emplace_back(visit->visibleVariables, QString());
    }
    fillChoice(*visit);
    m_stages->setCurrentRow(std::min(keepRow, m_stages->count() - 1));
}

void StateDataPanel::fillChoice(const VisitData &visit)
{
    if (visit.rules.empty())
        return;
    m_rules->show();
    const int rows = static_cast<int>(visit.rules.size()) + 1;
    m_rules->setRowCount(rows);
    bool anyMatched = false;
    const QColor quiet = palette().color(QPalette::Disabled, QPalette::Text);
    for (int r = 0; r < rows - 1; ++r) {
        const ChoiceRuleResult &rule = visit.rules[static_cast<std::size_t>(r)];
        const bool chosen = !anyMatched && rule.reached && rule.matched.value_or(false);
        anyMatched |= chosen;
        auto *conditionItem = new QTableWidgetItem(rule.condition);
        conditionItem->setToolTip(rule.condition);
        m_rules->setItem(r, 0, conditionItem);
        auto *valueItem = new QTableWidgetItem(rule.value ? QString::fromStdString(rule.value->dump())
                                                          : tr("(no value)"));
        valueItem->setToolTip(valueItem->text());
        m_rules->setItem(r, 1, valueItem);
        QString matched = rule.error.isEmpty() ? (rule.matched.value_or(false) ? tr("✓ matched") : tr("✗ no"))
                                               : rule.error;
        if (!rule.reached)
            matched = tr("not evaluated (would be: %1)").arg(matched);
        auto *matchItem = new QTableWidgetItem(matched);
        matchItem->setToolTip(matched);
        matchItem->setForeground(!rule.reached ? quiet
                                 : !rule.error.isEmpty() ? QColor(0xD9, 0x15, 0x15)
                                 : rule.matched.value_or(false) ? QColor(0x03, 0x7F, 0x0C)
                                                                : QColor(0x5F, 0x6B, 0x7A));
        m_rules->setItem(r, 2, matchItem);
        m_rules->setItem(r, 3, new QTableWidgetItem(rule.next + (chosen ? tr("  ← taken") : QString())));
        if (!rule.reached)
            for (int column : {0, 1, 3})
                m_rules->item(r, column)->setForeground(quiet);
    }
    const bool failed = std::any_of(visit.rules.begin(), visit.rules.end(), [](const ChoiceRuleResult &rule) {
        return rule.reached && !rule.error.isEmpty();
    });
    anyMatched |= failed; // a failed rule ends the state: Default is not taken either
    m_rules->setItem(rows - 1, 0, new QTableWidgetItem(tr("Default")));
    m_rules->setItem(rows - 1, 1, new QTableWidgetItem());
    m_rules->setItem(rows - 1, 2, new QTableWidgetItem(anyMatched ? QString() : tr("✓ used")));
    m_rules->setItem(rows - 1, 3, new QTableWidgetItem(visit.defaultNext + (anyMatched ? QString() : tr("  ← taken"))));
    m_rules->resizeColumnsToContents();
    // Long conditions (JSONata ones especially) must not push the verdict out of sight: cap the
    // rule and value columns; the full text is in each cell's tooltip.
    const int cap = std::max(120, m_rules->viewport()->width() * 2 / 5);
    for (int column : {0, 1})
        if (m_rules->columnWidth(column) > cap)
            m_rules->setColumnWidth(column, cap);
}

void StateDataPanel::showStage(int row)
{
    if (row < 0 || row >= static_cast<int>(m_values.size())) {
        m_value->showJson(std::nullopt);
        return;
    }
    const auto &[value, note] = m_values[static_cast<std::size_t>(row)];
    m_value->showJson(value, note);
}

} // namespace stepwise::ui
