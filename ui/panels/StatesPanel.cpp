#include "ui/panels/StatesPanel.h"

#include <QHeaderView>
#include <QStringList>

namespace stepwise::ui {
namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

// JSON Pointer escaping (RFC 6901): '~' → "~0", '/' → "~1".
QString pointerToken(const std::string &name)
{
    QString token = q(name);
    token.replace(QLatin1Char('~'), QStringLiteral("~0"));
    token.replace(QLatin1Char('/'), QStringLiteral("~1"));
    return token;
}

QString transitions(const asl::State &state)
{
    const asl::StateCommon &c = asl::common(state);
    QStringList parts;
    if (const auto *choice = std::get_if<asl::ChoiceState>(&state)) {
        if (choice->choices)
            for (const asl::ChoiceRule &rule : *choice->choices)
                if (rule.next)
                    parts << q(*rule.next);
        if (choice->defaultNext)
            parts << QObject::tr("default → %1").arg(q(*choice->defaultNext));
        return parts.join(QStringLiteral(", "));
    }
    if (c.next)
        parts << QStringLiteral("→ %1").arg(q(*c.next));
    if (c.end.value_or(false) || c.type == "Succeed" || c.type == "Fail")
        parts << QObject::tr("end");
    const auto addCatchers = [&](const auto &s) {
        if (s.catchers)
            for (const asl::Catcher &catcher : *s.catchers)
                parts << QObject::tr("catch → %1").arg(q(catcher.next));
    };
    if (const auto *task = std::get_if<asl::TaskState>(&state))
        addCatchers(*task);
    else if (const auto *parallel = std::get_if<asl::ParallelState>(&state))
        addCatchers(*parallel);
    else if (const auto *map = std::get_if<asl::MapState>(&state))
        addCatchers(*map);
    return parts.join(QStringLiteral(", "));
}

} // namespace

StatesPanel::StatesPanel(QWidget *parent) : QTreeWidget(parent)
{
    setColumnCount(3);
    setHeaderLabels({tr("State"), tr("Type"), tr("Transitions")});
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
}

void StatesPanel::setMachine(const asl::StateMachine *machine)
{
    clear();
    if (!machine)
        return;
    addMachine(invisibleRootItem(), *machine, QString());
    expandAll();
}

void StatesPanel::addMachine(QTreeWidgetItem *parent, const asl::StateMachine &machine,
                             const QString &base)
{
    for (const asl::State &state : machine.states) {
        const QString pointer = base + QStringLiteral("/States/") + pointerToken(asl::common(state).name);
        QTreeWidgetItem *item = addState(parent, state, machine, pointer);
        if (const auto *parallel = std::get_if<asl::ParallelState>(&state); parallel && parallel->branches) {
            for (std::size_t i = 0; i < parallel->branches->size(); ++i) {
                auto *branch = new QTreeWidgetItem(item, {tr("Branch %1").arg(i + 1)});
                const QString branchPointer = pointer + QStringLiteral("/Branches/%1").arg(i);
                branch->setData(0, PointerRole, branchPointer);
                addMachine(branch, (*parallel->branches)[i], branchPointer);
            }
        } else if (const auto *map = std::get_if<asl::MapState>(&state); map && map->itemProcessor) {
            const QString key = map->legacyIterator ? QStringLiteral("Iterator") : QStringLiteral("ItemProcessor");
            auto *processor = new QTreeWidgetItem(item, {tr("Item processor")});
            processor->setData(0, PointerRole, pointer + QLatin1Char('/') + key);
            addMachine(processor, **map->itemProcessor, pointer + QLatin1Char('/') + key);
        }
    }
}

QTreeWidgetItem *StatesPanel::addState(QTreeWidgetItem *parent, const asl::State &state,
                                       const asl::StateMachine &scope, const QString &pointer)
{
    const asl::StateCommon &c = asl::common(state);
    QString name = q(c.name);
    if (scope.startAt && *scope.startAt == c.name)
        name = QStringLiteral("▶ ") + name;
    auto *item = new QTreeWidgetItem(parent, {name, q(c.type), transitions(state)});
    item->setData(0, PointerRole, pointer);
    if (c.comment)
        item->setToolTip(0, q(*c.comment));
    return item;
}

bool StatesPanel::selectPointer(const QString &pointer)
{
    QTreeWidgetItem *best = nullptr;
    qsizetype bestLength = -1;
    for (QTreeWidgetItemIterator it(this); *it; ++it) {
        const QString itemPointer = (*it)->data(0, PointerRole).toString();
        const bool prefix = pointer == itemPointer || pointer.startsWith(itemPointer + QLatin1Char('/'));
        if (prefix && itemPointer.size() > bestLength) {
            best = *it;
            bestLength = itemPointer.size();
        }
    }
    if (!best)
        return false;
    setCurrentItem(best);
    scrollToItem(best);
    return true;
}

} // namespace stepwise::ui
