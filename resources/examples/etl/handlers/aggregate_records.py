"""AggregateRecords: totals per region, in the order regions first appear."""
import json
import sys

event = json.load(sys.stdin)
totals = {}
for record in event["records"]:
    row = totals.setdefault(record["region"], {"region": record["region"], "totalCents": 0, "records": 0})
    row["totalCents"] += record["amountCents"]
    row["records"] += 1
json.dump({"rows": list(totals.values())}, sys.stdout)
