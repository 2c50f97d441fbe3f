"""Where a prompt's time to first token goes, hop by hop, read off the loopback wire (scripts/hop-timeline.sh).

Sends prompts one at a time to a running local stack (each from a new user, as the benchmark's latency
scenario does), records every loopback TCP segment that carries data (tcpdump, PSH flag set), names each end
by the process that owns its port (ss -tnp and the stack's stack.json), and prints for every hop the median
and spread of when it happened, counted from the moment the prompt's POST reached the gateway. Nothing runs
inside the services, so nothing perturbs them; the capture costs the kernel a copy of each segment.
"""
import argparse
import http.client
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time

SEGMENT = re.compile(r"^(\d+\.\d+) IP6? \S+?\.(\d+) > \S+?\.(\d+): tcp (\d+)")
SOCKET = re.compile(r"\S*?:(\d+)\s+\S*?:(\d+)\s+users:\(\(\"[^\"]+\",pid=(\d+)")

# (label, from, to, fewest bytes, after) in the order of the path: a hop's time is its first such segment after
# the POST and after the hop it follows (its index; None: the POST), so another prompt's traffic (the previous
# answer's title, say) is not taken for it. The byte floors tell a record from the consumers' and producers'
# idle fetches and heartbeats.
HOPS = [
    ("gateway calls the command service", "gateway", "command", 1, None),
    ("the command service answers", "command", "gateway", 1, 0),
    ("the gateway answers the POST", "gateway", "client", 1, 1),
    ("the outbox relay's record reaches Kafka", "command", "kafka", 300, 0),
    ("Kafka delivers the record to the worker", "kafka", "worker", 200, 3),
    ("the worker calls the model", "worker", "model", 1, 4),
]


def http_json(host, port, method, path, body=None, token=None):
    connection = http.client.HTTPConnection(host, port, timeout=30)
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = "Bearer " + token
    connection.request(method, path, json.dumps(body) if body is not None else None, headers)
    response = connection.getresponse()
    return connection, response


def owners(stack, listening):
    """Port -> process name, from the stack's listening ports and every established socket's owner."""
    names = {str(p["pid"]): name for name, p in stack["processes"].items() if isinstance(p, dict) and "pid" in p}
    by_port = dict(listening)
    out = subprocess.run(["ss", "-tnp"], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        match = SOCKET.search(line)
        if match and match.group(3) in names:
            by_port.setdefault(match.group(1), names[match.group(3)])
    return by_port


def listening_ports(stack):
    ports = {}
    def port_of(address):
        match = re.search(r":(\d+)", address or "")
        return match.group(1) if match else None
    for name, key in (("gateway", "gateway"), ("command", "command_grpc"), ("query", "query_grpc"),
                      ("kafka", "kafka"), ("redis", "redis"), ("mariadb", "mariadb"), ("model", "model")):
        port = port_of(stack.get(key))
        if port:
            ports[port] = name
    return ports


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30, help="prompts sent, one at a time (default 30)")
    parser.add_argument("--pause", type=float, default=1.2,
                        help="seconds between prompts, so the previous answer has ended (default 1.2)")
    parser.add_argument("--stack-json", default=".run/stack.json", help="the running stack's addresses file")
    args = parser.parse_args()

    with open(args.stack_json) as f:
        stack = json.load(f)
    gateway = re.match(r"https?://([^:/]+):(\d+)", stack["gateway"])
    host, port = gateway.group(1), int(gateway.group(2))
    prefix = "hops-%d-" % int(time.time())
    tokens = []
    for i in range(args.requests):
        connection, response = http_json(host, port, "POST", "/api/auth/dev-token", {"user_id": prefix + str(i)})
        tokens.append(json.loads(response.read())["token"])
        connection.close()

    capture = tempfile.NamedTemporaryFile(suffix=".pcap", delete=False).name
    tcpdump = subprocess.Popen(["tcpdump", "-i", "lo", "-nn", "-q", "-w", capture,
                                "tcp and (tcp[tcpflags] & tcp-push != 0)"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    posts = []
    try:
        for token in tokens:
            started = time.time()
            connection, response = http_json(host, port, "POST", "/api/chat/send", {"prompt": "Where does the time go?"},
                                              token)
            accepted = json.loads(response.read())
            connection.close()
            if "request_id" not in accepted:
                sys.exit("send refused: %s" % accepted)
            connection, response = http_json(host, port, "GET", "/api/chat/stream?request_id="
                                              + accepted["request_id"], None, token)
            while True:
                line = response.fp.readline()
                if not line or line.startswith(b"event: token") or line.startswith(b"event:token"):
                    break
            received = time.time()
            connection.close()
            posts.append((started, received))
            time.sleep(args.pause)
        by_port = owners(stack, listening_ports(stack))
    finally:
        tcpdump.send_signal(signal.SIGINT)
        tcpdump.wait(10)

    text = subprocess.run(["tcpdump", "-nn", "-tt", "-q", "-r", capture], capture_output=True, text=True).stdout
    os.unlink(capture)
    segments = []
    for line in text.splitlines():
        match = SEGMENT.match(line)
        if match:
            source = by_port.get(match.group(2), "client")
            target = by_port.get(match.group(3), "client")
            segments.append((float(match.group(1)), source, target, int(match.group(4))))

    rows = []
    for started, received in posts:
        window = [s for s in segments if started <= s[0] <= received]
        post = next((s[0] for s in window if s[1] == "client" and s[2] == "gateway"), None)
        if post is None:
            continue
        row = {"the first token reaches the client": (received - post) * 1000}
        times = []
        for label, source, target, fewest, after in HOPS:
            since = post if after is None else times[after]
            at = None if since is None else next((s[0] for s in window if s[0] >= since and s[1] == source
                                                  and s[2] == target and s[3] >= fewest), None)
            times.append(at)
            if at is not None:
                row[label] = (at - post) * 1000
        rows.append(row)
    if not rows:
        sys.exit("no prompt was seen on the wire (is tcpdump allowed to capture on lo?)")

    print("%d prompts, one at a time; ms after the POST reached the gateway: median (smallest-largest)" % len(rows))
    for label in [h[0] for h in HOPS] + ["the first token reaches the client"]:
        values = [r[label] for r in rows if label in r]
        if values:
            print("  %-42s %7.2f  (%.2f-%.2f)  n=%d" % (label, statistics.median(values), min(values), max(values),
                                                      len(values)))


if __name__ == "__main__":
    main()
