#pragma once
// The legend of the run overlay's colours (VISUAL.md, the console's legend), one swatch each.
#include "ui/canvas/RunOverlay.h"

#include <QColor>
#include <QWidget>

namespace stepwise::ui {

struct StatusColours
{
    QColor border;
    QColor fill;
};

// The console's colours for a run status (shared with the timeline).
StatusColours statusColours(RunStatus status);
QString statusLabel(RunStatus status);

class OverlayLegend : public QWidget
{
    Q_OBJECT
public:
    explicit OverlayLegend(QWidget *parent = nullptr);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace stepwise::ui
