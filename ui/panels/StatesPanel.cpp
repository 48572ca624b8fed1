#include "ui/panels/StatesPanel.h"

#include <QApplication>
#include <QHeaderView>
#include <QStringList>
#include <QStyle>

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

QString jsonText(const Json &value)
{
    return value.is_string() ? q(value.get<std::string>()) : q(value.dump());
}

// The one or two facts a reader looks for first in each state type.
QString details(const asl::State &state)
{
    if (const auto *task = std::get_if<asl::TaskState>(&state))
        return task->resource.empty() ? QString() : q(task->resource);
    if (const auto *wait = std::get_if<asl::WaitState>(&state)) {
        if (wait->seconds)
            return QObject::tr("%1 s").arg(jsonText(*wait->seconds));
        if (wait->timestamp)
            return QObject::tr("until %1").arg(jsonText(*wait->timestamp));
        return q(wait->secondsPath.value_or(wait->timestampPath.value_or(std::string())));
    }
    if (const auto *fail = std::get_if<asl::FailState>(&state)) {
        const QString error = fail->error ? jsonText(*fail->error) : q(fail->errorPath.value_or(""));
        const QString cause = fail->cause ? jsonText(*fail->cause) : q(fail->causePath.value_or(""));
        return cause.isEmpty() ? error : error + QStringLiteral(": ") + cause;
    }
    if (const auto *map = std::get_if<asl::MapState>(&state))
        return map->itemsPath.hasPath() ? QObject::tr("items %1").arg(q(map->itemsPath.text)) : QString();
    return {};
}

} // namespace

StatesPanel::StatesPanel(QWidget *parent) : QTreeWidget(parent)
{
    setColumnCount(4);
    setHeaderLabels({tr("State"), tr("Type"), tr("Transitions"), tr("Details")});
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
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
    auto *item = new QTreeWidgetItem(parent, {name, q(c.type), transitions(state), details(state)});
    item->setData(0, PointerRole, pointer);
    if (c.comment)
        item->setToolTip(0, q(*c.comment));
    return item;
}

QTreeWidgetItem *StatesPanel::itemForPointer(const QString &pointer) const
{
    QTreeWidgetItem *best = nullptr;
    qsizetype bestLength = -1;
    for (QTreeWidgetItemIterator it(const_cast<StatesPanel *>(this)); *it; ++it) {
        const QString itemPointer = (*it)->data(0, PointerRole).toString();
        const bool prefix = pointer == itemPointer || pointer.startsWith(itemPointer + QLatin1Char('/'));
        if (prefix && itemPointer.size() > bestLength) {
            best = *it;
            bestLength = itemPointer.size();
        }
    }
    return best;
}

bool StatesPanel::selectPointer(const QString &pointer)
{
    QTreeWidgetItem *best = itemForPointer(pointer);
    if (!best)
        return false;
    setCurrentItem(best);
    scrollToItem(best);
    return true;
}

} // namespace stepwise::ui

namespace stepwise::ui {

void StatesPanel::markDiagnostics(const std::vector<Diagnostic> &diagnostics)
{
    QStyle *style = QApplication::style();
    for (const Diagnostic &d : diagnostics) {
        QTreeWidgetItem *item = itemForPointer(QString::fromStdString(d.path));
        if (!item)
            continue;
        const bool error = d.severity == Severity::Error;
        if (!error && item->data(0, Qt::UserRole + 2).toBool())
            continue; // an error icon outranks a warning
        item->setIcon(0, style->standardIcon(error ? QStyle::SP_MessageBoxCritical
                                                   : QStyle::SP_MessageBoxWarning));
        item->setData(0, Qt::UserRole + 2, error);
        item->setToolTip(0, QString::fromStdString(d.message));
    }
}

} // namespace stepwise::ui
