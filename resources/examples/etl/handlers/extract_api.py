"""ExtractApi: sales reported by a partner API since the given day."""
import json
import sys

event = json.load(sys.stdin)
if not event["source"].startswith("https://"):
    json.dump({"errorType": "Extract.SourceUnavailable",
               "errorMessage": f"{event['source']} is not an HTTPS endpoint."}, sys.stdout)
    sys.exit(1)
rows = [{"id": "api-7", "region": "NORTH", "amount": "7.25"}]
json.dump({"source": "api", "records": [dict(row, source="api") for row in rows]}, sys.stdout)
