"""ChargeCard: captures a payment. Amounts over 500 are declined, as a card issuer might."""
import hashlib
import json
import sys

event = json.load(sys.stdin)
amount = event["amount"]
if amount > 500:
    json.dump({"errorType": "Payment.Declined",
               "errorMessage": f"Card of {event['customerId']} was declined for {amount}."}, sys.stdout)
    sys.exit(1)
charge = hashlib.sha1(f"{event['orderId']}:{amount}".encode()).hexdigest()[:5]
json.dump({"chargeId": f"ch_{charge}", "status": "CAPTURED"}, sys.stdout)
