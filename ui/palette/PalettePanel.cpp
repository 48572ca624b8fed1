#include "ui/palette/PalettePanel.h"

#include "ui/document/Document.h"
#include "ui/palette/StateIcons.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace stepwise::ui {
namespace {

constexpr int EntryRole = Qt::UserRole + 1; // index into m_entries; -1 on category rows

// A tree whose drags carry the palette payload.
class PaletteTree : public QTreeWidget
{
public:
    PaletteTree(const std::vector<PaletteEntry> &entries, QWidget *parent)
        : QTreeWidget(parent), m_entries(entries)
    {}

protected:
    QStringList mimeTypes() const override { return {QString::fromLatin1(PaletteMimeType)}; }
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override
    {
        if (items.isEmpty())
            return nullptr;
        const int index = items.front()->data(0, EntryRole).toInt();
        if (index < 0)
            return nullptr;
        auto *mime = new QMimeData;
        mime->setData(QString::fromLatin1(PaletteMimeType),
                      palettePayload(m_entries[static_cast<std::size_t>(index)]));
        mime->setText(m_entries[static_cast<std::size_t>(index)].title);
        return mime;
    }

private:
    const std::vector<PaletteEntry> &m_entries;
};

QString searchText(const PaletteEntry &entry)
{
    QString text = entry.title + QLatin1Char(' ') + entry.description;
    if (auto resource = entry.state.find("Resource"); resource != entry.state.end())
        text += QLatin1Char(' ') + QString::fromStdString(resource->get<std::string>());
    return text;
}

} // namespace

PalettePanel::PalettePanel(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_entries(paletteCatalog()),
      m_search(new QLineEdit(this)), m_tree(new PaletteTree(m_entries, this))
{
    m_search->setPlaceholderText(tr("Search states and actions"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Type to filter; Down moves to the list, Enter inserts the first match"));
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(false);
    m_tree->setIndentation(8);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setIconSize(QSize(20, 20));
    m_tree->setUniformRowHeights(true);

    QTreeWidgetItem *category = nullptr;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const PaletteEntry &entry = m_entries[i];
        if (!category || category->text(0) != entry.category) {
            category = new QTreeWidgetItem(m_tree, {entry.category});
            category->setData(0, EntryRole, -1);
            category->setFlags(Qt::ItemIsEnabled);
            QFont font = category->font(0);
            font.setBold(true);
            category->setFont(0, font);
            category->setExpanded(true);
        }
        auto *item = new QTreeWidgetItem(category, {entry.title});
        item->setData(0, EntryRole, static_cast<int>(i));
        item->setIcon(0, stateTypeIcon(entry.type, entry.glyph));
        QString tip = QStringLiteral("<b>%1</b><br>%2").arg(entry.title.toHtmlEscaped(),
                                                            entry.description.toHtmlEscaped());
        if (auto resource = entry.state.find("Resource"); resource != entry.state.end())
            tip += QStringLiteral("<br><code>%1</code>")
                       .arg(QString::fromStdString(resource->get<std::string>()).toHtmlEscaped());
        tip += tr("<br><i>Drag onto the canvas, or press Enter to insert after the selection</i>");
        item->setToolTip(0, tip);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_search);
    layout->addWidget(m_tree);

    connect(m_search, &QLineEdit::textChanged, this, &PalettePanel::setFilter);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (QTreeWidgetItem *item = firstVisibleEntry())
            activate(item);
    });
    connect(m_tree, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { activate(item); });
    m_search->installEventFilter(this);
    // Inserting needs an open machine.
    auto updateEnabled = [this] { m_tree->setEnabled(m_document->hasMachine()); };
    connect(m_document, &Document::machineChanged, this, updateEnabled);
    updateEnabled();
}

void PalettePanel::setFilter(const QString &text)
{
    if (m_search->text() != text)
        m_search->setText(text); // comes back here through textChanged
    const QString needle = text.trimmed();
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem *category = m_tree->topLevelItem(c);
        bool any = false;
        for (int i = 0; i < category->childCount(); ++i) {
            QTreeWidgetItem *item = category->child(i);
            const auto &entry = m_entries[static_cast<std::size_t>(item->data(0, EntryRole).toInt())];
            const bool visible = needle.isEmpty() || searchText(entry).contains(needle, Qt::CaseInsensitive);
            item->setHidden(!visible);
            any = any || visible;
        }
        category->setHidden(!any);
    }
    if (QTreeWidgetItem *first = firstVisibleEntry(); first && !needle.isEmpty())
        m_tree->setCurrentItem(first);
}

QString PalettePanel::filter() const
{
    return m_search->text();
}

QStringList PalettePanel::visibleTitles() const
{
    QStringList titles;
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem *category = m_tree->topLevelItem(c);
        for (int i = 0; i < category->childCount(); ++i)
            if (!category->isHidden() && !category->child(i)->isHidden())
                titles << category->child(i)->text(0);
    }
    return titles;
}

void PalettePanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

bool PalettePanel::eventFilter(QObject *watched, QEvent *event)
{
    // Down in the search box moves into the list, so the palette works from the keyboard.
    if (watched == m_search && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down) {
        if (QTreeWidgetItem *first = firstVisibleEntry()) {
            m_tree->setFocus(Qt::TabFocusReason);
            m_tree->setCurrentItem(first);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PalettePanel::activate(QTreeWidgetItem *item)
{
    const int index = item ? item->data(0, EntryRole).toInt() : -1;
    if (index < 0 || !m_document->hasMachine())
        return;
    emit insertRequested(palettePayload(m_entries[static_cast<std::size_t>(index)]));
}

QTreeWidgetItem *PalettePanel::firstVisibleEntry() const
{
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem *category = m_tree->topLevelItem(c);
        if (category->isHidden())
            continue;
        for (int i = 0; i < category->childCount(); ++i)
            if (!category->child(i)->isHidden())
                return category->child(i);
    }
    return nullptr;
}

} // namespace stepwise::ui
