#pragma once
// What the palette offers: the flow states and ready-made Task states for common AWS service
// integrations, each with a default configuration that validates and runs on AWS once its
// placeholders (function, topic, table, ...) are filled in.
#include "core/asl/States.h"
#include "core/common/Json.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace stepwise::ui {

struct PaletteEntry
{
    QString title;       // "Lambda Invoke"
    QString category;    // "Flow" or "Actions"
    QString description; // one line for the tooltip
    QString glyph;       // the icon's character
    asl::StateType type = asl::StateType::Pass;
    Json state;          // the ASL state object inserted (no Next/End: insertion decides)
};

// Every entry, flow states first.
std::vector<PaletteEntry> paletteCatalog();

// The palette's drag MIME type and payload (contract: {"name": title, "state": {...}}).
inline constexpr char PaletteMimeType[] = "application/x-stepwise-state";
QByteArray palettePayload(const PaletteEntry &entry);

struct PalettePayload
{
    std::string name; // the suggested state name
    Json state;
};
// Reads a payload; nullopt when it is not `{"name": string, "state": object}`.
std::optional<PalettePayload> parsePalettePayload(const QByteArray &bytes);

} // namespace stepwise::ui
