#pragma once
// The second line of a state node, readable in the width a node has: a Task's resource as
// "Lambda · CheckInventory", "SNS: Publish", "Step Functions: StartExecution (sync)"; the
// projection's short form otherwise ("Choice", "Map · $.items").
#include <QString>

#include <string>

class QFontMetricsF;

namespace stepwise::ui {

// "lambda:invoke · Name" → "Lambda · Name", "sqs:sendMessage.waitForTaskToken" →
// "SQS: SendMessage (callback)", "aws-sdk:s3:getObject" → "S3: GetObject"; other text as is.
QString readableDetail(const std::string &detail);

// `text` fitted into `width`: a "Service · Name" form keeps the service and elides the name at
// its end, anything else elides at the end (never in the middle, which garbles ARNs).
QString fittedDetail(const QString &text, const QFontMetricsF &metrics, qreal width);

} // namespace stepwise::ui
