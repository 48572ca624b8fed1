#pragma once
// One case of the AWS-recorded conformance corpus (conformance/README.md): which ones the harness
// runs, how `stepwise-cli run` is called for it, and how its result is judged.
#include "Compare.h"
#include "core/common/Json.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace stepwise::conformance {

struct ConformanceCase
{
    QString path;  // relative to the corpus folder, e.g. "cases/base/pass_result"
    QString group; // "base", or "task:<group>" for task-cases
    QString kind;  // execution, execution_output_only, execution_sync, create_rejected, start_rejected
    QString type;  // STANDARD or EXPRESS
    bool hasMock = false;
};

// Cases of the supported kinds from `cases` (JSONPath and JSONata alike), and every
// `task_cases` entry, minus the deviations (listed by path).
std::vector<ConformanceCase> selectCases(const Json &index, const QStringList &deviations);

// Case paths named in backquotes in DEVIATIONS.md.
QStringList readDeviations(const QString &markdownPath);

// The arguments of `stepwise-cli` for a case. Inputs computed from the clock
// (`runtime_values_in_input`) are written to `workDir`.
QStringList cliArguments(const ConformanceCase &testCase, const QString &corpusDir,
                         const Json &expected, const QString &workDir, const QString &historyPath);

struct Verdict
{
    bool outcomePass = false;
    std::optional<bool> historyPass; // nullopt when no history was recorded
    QString detail;                  // the first difference, for verbose runs
};

// Compares the CLI's standard output and written history with the recording.
Verdict judge(const ConformanceCase &testCase, const Json &expected, const QByteArray &stdoutText,
              const QString &historyPath);

} // namespace stepwise::conformance
