"""LoadWarehouse: pretends to upsert the rows into the warehouse table and reports how many."""
import json
import sys

event = json.load(sys.stdin)
json.dump({"rowsLoaded": len(event["rows"]), "table": event["table"],
           "warehouse": event["warehouse"]}, sys.stdout)
