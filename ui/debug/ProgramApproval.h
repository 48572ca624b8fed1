#pragma once
// Issue 8, Safety: opening a file never runs anything, and a run that starts local programs
// (a bindings file) first shows which ones and waits for the user's yes. The yes is remembered
// per definition file and bindings file content, so an edited bindings file asks again.
#include <QString>
#include <QStringList>

#include <functional>

namespace stepwise::ui {

class ProgramApproval
{
public:
    // Shows the programs and returns the user's decision; injectable so tests decide.
    using Ask = std::function<bool(const QString &bindingsPath, const QStringList &programs)>;

    // True when this definition file may run this bindings file as it is now on disk.
    static bool isApproved(const QString &definitionPath, const QString &bindingsPath);
    static void approve(const QString &definitionPath, const QString &bindingsPath);

private:
    // The bindings file's full path and the SHA-256 of its content; "" when it cannot be read.
    static QString fingerprint(const QString &bindingsPath);
};

} // namespace stepwise::ui
