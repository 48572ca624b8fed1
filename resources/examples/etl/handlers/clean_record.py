"""CleanRecord: trims and lower-cases the region and turns the amount into whole cents."""
import json
import sys
from decimal import Decimal

record = json.load(sys.stdin)
try:
    cents = int(Decimal(record["amount"]) * 100)
except Exception:
    json.dump({"errorType": "Transform.BadAmount",
               "errorMessage": f"Record {record.get('id')} has amount {record.get('amount')!r}."}, sys.stdout)
    sys.exit(1)
json.dump({"id": record["id"], "region": record["region"].strip().lower(),
           "amountCents": cents, "source": record["source"]}, sys.stdout)
