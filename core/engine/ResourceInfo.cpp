// Classifying a Task's Resource ARN (ResourceInfo.h).
#include "core/engine/ResourceInfo.h"

namespace stepwise::engine {

ResourceInfo classifyResource(const std::string &arn)
{
    ResourceInfo info;
    if (arn.find(":lambda:") != std::string::npos && arn.find(":function:") != std::string::npos
        && arn.find(":states:") == std::string::npos) {
        info.kind = ResourceKind::Lambda;
        return info;
    }
    if (arn.find(":states:") != std::string::npos && arn.find(":activity:") != std::string::npos) {
        info.kind = ResourceKind::Activity;
        return info;
    }
    const std::string marker = ":states:::";
    const auto at = arn.find(marker);
    const std::string rest = at == std::string::npos ? arn : arn.substr(at + marker.size());
    const auto split = rest.rfind(':');
    if (split == std::string::npos) {
        info.resource = rest;
        return info;
    }
    std::string head = rest.substr(0, split);
    info.resource = rest.substr(split + 1);
    // ".sync:2" keeps its suffix: "startExecution.sync:2".
    if (info.resource == "2" && head.find(".sync") != std::string::npos) {
        const auto prior = head.rfind(':');
        info.resource = head.substr(prior + 1) + ":2";
        head = head.substr(0, prior);
    }
    info.resourceType = head;
    return info;
}

} // namespace stepwise::engine
