#!/usr/bin/env bash
# OTLP decoding throughput (single thread, no JMH): builds the bench module, runs OtlpDecodeBench.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_build
bench_run io.tokenmaxx.bench.otlp.OtlpDecodeBench "$@"
