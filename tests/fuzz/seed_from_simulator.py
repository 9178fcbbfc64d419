#!/usr/bin/env python3
"""Writes seed inputs for the JSON fuzz targets from the simulator's real answers.

Run by hand after a build (the output is committed under tests/fuzz/corpus/):
    tests/fuzz/seed_from_simulator.py build/simulator/ica-sim
Starts ica-sim on a free loopback port, makes a few calls, saves each body as
corpus/<target>/sim-<what>, and stops the simulator.
"""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
KEY = "fuzz-seed-key"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    sim = sys.argv[1]
    port = free_port()
    proc = subprocess.Popen([sim, "--port", str(port), "--api-key", KEY, "--files", "40",
                             "--projects", "2", "--manual-clock"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        def call(method, path, body=None, headers=None):
            req = urllib.request.Request(base + path, method=method,
                                         data=None if body is None else json.dumps(body).encode())
            req.add_header("X-API-Key", KEY)
            req.add_header("Accept", "application/vnd.illumina.v3+json")
            if body is not None:
                req.add_header("Content-Type", "application/vnd.illumina.v3+json")
            for k, v in (headers or {}).items():
                req.add_header(k, v)
            try:
                with urllib.request.urlopen(req, timeout=10) as r:
                    return r.read()
            except urllib.error.HTTPError as e:
                return e.read()

        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)

        def save(target, name, data):
            d = os.path.join(HERE, "corpus", target)
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)

        rest = "/ica/rest/api"
        projects = call("GET", rest + "/projects?pageSize=3")
        save("projects", "sim-page", projects)
        project = json.loads(projects)["items"][0]["id"]
        data = call("GET", f"{rest}/projects/{project}/data?pageSize=4")
        save("projectdata", "sim-page", data)
        listing = call("GET", f"{rest}/projects/{project}/data?pageSize=40")
        files = [i["data"]["id"] for i in json.loads(listing)["items"]
                 if i["data"]["id"].startswith("fil.")]
        save("projectdata", "sim-item", call("GET", f"{rest}/projects/{project}/data/{files[0]}"))
        create = {"dataUpdateGroups": [
            {"dataIds": files[:2], "userTags": {"addTags": ["reviewed"], "removeTags": ["x"]},
             "willBeArchivedAt": "2027-01-30T08:30:00Z"},
            {"dataIds": files[2:3] + ["fil.00000000000000000000000000000000"],
             "technicalTags": {"addTags": ["t1"]}}]}
        save("batch", "create-request", json.dumps(create).encode())
        batches = f"{rest}/projects/{project}/dataUpdateBatch"
        created = call("POST", batches, create)
        save("batch", "sim-created", created)
        batch = json.loads(created)["id"]
        call("POST", "/_sim/advance?ms=60000")
        save("batch", "sim-finished", call("GET", f"{batches}/{batch}"))
        cursor = call("GET", f"{batches}/{batch}/items?pageSize=3")
        offset = call("GET", f"{batches}/{batch}/items?pageOffset=0&pageSize=3&sort=status")
        item = json.loads(cursor)["items"][0]["id"]
        save("batch", "sim-item", call("GET", f"{batches}/{batch}/items/{item}"))
        for target in ("itempage_qt", "itempage_simd", "itempage_diff"):
            save(target, "sim-cursor-page", cursor)
            save(target, "sim-offset-page", offset)
        save("problem", "sim-404", call("GET", f"{batches}/nope"))
        save("problem", "sim-400", call("POST", batches, {"dataUpdateGroups": [{"dataIds": [""]}]}))
        token = call("POST", rest + "/tokens")
        save("problem", "sim-token", token)
        save("jwt", "sim-token", json.loads(token)["token"].encode())
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
