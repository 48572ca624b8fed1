"""ExtractLogs: sales parsed from point-of-sale log lines."""
import json
import sys

event = json.load(sys.stdin)
lines = ["2026-11-27T10:04:11Z sale id=log-3 region=south  amount=4.75"]
records = []
for line in lines:
    fields = dict(part.split("=", 1) for part in line.split()[1:] if "=" in part)
    records.append({"id": fields["id"], "region": fields["region"] + " ",
                    "amount": fields["amount"], "source": "logs"})
json.dump({"source": "logs", "records": records}, sys.stdout)
