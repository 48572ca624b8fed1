"""ExtractDatabase: yesterday's sales rows from the orders database (canned, as a test double)."""
import json
import sys

event = json.load(sys.stdin)
rows = [{"id": "db-1", "region": " North ", "amount": "12.50"},
        {"id": "db-2", "region": "south", "amount": "30"}]
json.dump({"source": "database", "records": [dict(row, source="database") for row in rows]}, sys.stdout)
