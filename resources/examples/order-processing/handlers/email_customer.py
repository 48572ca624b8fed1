"""EmailCustomer: pretends to send the confirmation e-mail and says so."""
import json
import sys

event = json.load(sys.stdin)
json.dump({"sent": True, "messageId": f"msg-{len(event['to'])}{len(event['subject'])}"}, sys.stdout)
