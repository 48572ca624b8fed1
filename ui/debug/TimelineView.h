#pragma once
// The Timeline: one row per state, one bar per visit over virtual time, coloured by how the visit
// ended; failed attempts that were retried show as red ticks, Wait states hatched, and the time
// cursor as a vertical line. Clicking a bar moves the cursor to that visit.
#include "ui/canvas/RunOverlay.h"

#include <QWidget>

#include <string>
#include <unordered_map>
#include <vector>

namespace stepwise::ui {

class DebugController;

class TimelineView : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineView(DebugController *controller, QWidget *parent = nullptr);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    struct Bar
    {
        int row = 0;
        qint64 startMs = 0;
        qint64 endMs = -1; // -1: still open
        RunStatus status = RunStatus::InProgress;
        bool isWait = false;
        bool hadError = false;
        int enteredIndex = 0;
        std::vector<qint64> failures; // failed attempts
    };

    void rebuild();
    void absorb(int first, int last);
    QRectF barRect(const Bar &bar, qint64 originMs, double msPerPixel) const;

    DebugController *m_controller;
    std::vector<QString> m_rows;
    std::unordered_map<std::string, int> m_rowOf;  // node key → row
    std::vector<Bar> m_bars;
    std::unordered_map<std::string, std::size_t> m_open; // scope + name → bar
    std::size_t m_folded = 0;
};

} // namespace stepwise::ui
