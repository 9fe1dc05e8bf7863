#!/usr/bin/env python3
"""Cold start of the standalone jar: process start -> first 200 from /api/v2/status.

Usage: python3 scripts/cold-start.py [runs]   (after `mvn -B -q -pl core -am package -DskipTests`)
"""
import socket, subprocess, sys, time, statistics, glob

jar = glob.glob("core/target/ticdc-fake-core-*-standalone.jar")[0]
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
port = 18300
samples = []
for _ in range(runs):
    t0 = time.perf_counter()
    p = subprocess.Popen(["java", "-jar", jar, "--addr", f"127.0.0.1:{port}"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(b"GET /api/v2/status HTTP/1.1\r\nHost: x\r\n\r\n")
                if s.recv(64).startswith(b"HTTP/1.1 200"):
                    break
        except OSError:
            time.sleep(0.002)
    samples.append((time.perf_counter() - t0) * 1000)
    p.terminate(); p.wait()
print(f"cold start over {runs} runs: median {statistics.median(samples):.0f} ms, "
      f"min {min(samples):.0f} ms, max {max(samples):.0f} ms")
