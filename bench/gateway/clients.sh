#!/usr/bin/env bash
# How the gateway's upstream HTTP client was chosen: java.net.http (HTTP/1.1), Helidon WebClient and
# Jetty HttpClient against the OpenAI stand-in (latency at concurrency 1, requests/s at 32, stream
# first event). Usage: bench/gateway/clients.sh [REQUESTS]
set -euo pipefail
source "$(cd "$(dirname "$0")/.." && pwd)/lib.sh"
bench_build
bench_run -Xmx512m io.tokenmaxx.bench.gateway.UpstreamClientComparison "$@"
