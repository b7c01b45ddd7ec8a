#!/usr/bin/env python3
"""Steady load on a running ./sellavie up for the footprint measurement (issue 12 item 3): signed Instagram DMs
to the demo business at RATE per second for SECONDS, from 200 customers, as ./sellavie demo-dm sends them.
Not a latency benchmark (that is system-tests -Pbench or ./sellavie bench): it reports only how many the
gateway acknowledged. Usage: infra/jvm/dm-load.py [rate=20] [seconds=120] [data folder=.sellavie]"""
import concurrent.futures, hashlib, hmac, json, os, sys, time, urllib.request, uuid

rate = float(sys.argv[1]) if len(sys.argv) > 1 else 20
seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 120
data = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "..", "..", ".sellavie")
secret = open(os.path.join(data, "secrets", "meta-app-secret"), "rb").read().strip()
account = "17841400000000000"  # DemoBusiness.INSTAGRAM_ACCOUNT_ID


def send(i):
    now = int(time.time() * 1000)
    body = json.dumps({"object": "instagram", "entry": [{"id": account, "time": now, "messaging": [{
        "sender": {"id": "load-customer-%d" % (i % 200)}, "recipient": {"id": account}, "timestamp": now,
        "message": {"mid": "m_load_" + uuid.uuid4().hex, "text": "Is the linen shirt available?"}}]}]}).encode()
    signature = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
    request = urllib.request.Request("http://localhost:8080/webhooks/meta", data=body, method="POST",
                                     headers={"Content-Type": "application/json", "X-Hub-Signature-256": signature})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except Exception as e:  # a refused or timed-out request counts as not acknowledged
        return getattr(e, "code", 0)


start = time.monotonic()
total = int(rate * seconds)
with concurrent.futures.ThreadPoolExecutor(max_workers=32) as pool:
    futures = []
    for i in range(total):
        delay = start + i / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        futures.append(pool.submit(send, i))
    statuses = [f.result() for f in futures]
ok = sum(1 for s in statuses if s == 200)
print("sent %d DMs at %.0f/s over %d s: %d acknowledged (200), %d not" % (total, rate, seconds, ok, total - ok))
