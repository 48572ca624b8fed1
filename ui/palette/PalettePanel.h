#pragma once
// The palette (left dock): a searchable list of flow states and service actions. Drag an entry
// onto the canvas (MIME `application/x-stepwise-state`), or press Enter / double-click to insert
// it after the selected state.
#include "ui/palette/PaletteCatalog.h"

#include <QWidget>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace stepwise::ui {

class Document;

class PalettePanel : public QWidget
{
    Q_OBJECT
public:
    explicit PalettePanel(Document *document, QWidget *parent = nullptr);

    // Shows only entries whose title, description or resource contains `text`.
    void setFilter(const QString &text);
    QString filter() const;
    // Titles of the visible entries, in order (for tests and the search box's Enter).
    QStringList visibleTitles() const;
    void focusSearch();

signals:
    // Insert the entry with this payload after the selected state (or at the end).
    void insertRequested(const QByteArray &payload);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void activate(QTreeWidgetItem *item);
    QTreeWidgetItem *firstVisibleEntry() const;

    Document *m_document;
    std::vector<PaletteEntry> m_entries;
    QLineEdit *m_search;
    QTreeWidget *m_tree;
};

} // namespace stepwise::ui
