"""Transcode: renders one resolution of the master (bitrate grows with the picture height)."""
import json
import sys

event = json.load(sys.stdin)
height = event["height"]
if height not in (2160, 1080, 720, 480, 360):
    json.dump({"errorType": "Transcode.UnsupportedResolution",
               "errorMessage": f"No encoder preset for {height}p."}, sys.stdout)
    sys.exit(1)
json.dump({"height": height, "bitrateKbps": height * 5,
           "location": f"s3://media-renditions/{event['videoId']}/{height}p.mp4"}, sys.stdout)
