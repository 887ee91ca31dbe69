#!/usr/bin/env bash
# bench/run.sh runs newsgraph's benchmark suite and prints the numbers that
# BENCHMARKS.md records. Run it from the repository root:
#
#   bench/run.sh              # about 10-16 minutes: extractor, bbc ingest, 1k and 10k stores
#   SIZES="1000 10000 100000" bench/run.sh   # adds the 100k store: 30-60 more minutes at today's ingest speed
#
# Environment:
#   SIZES     generated store sizes for the growth and load tests (default "1000 10000")
#   RATE      open-loop rate of the load test, req/s (default 1000)
#   DURATION  measured time of each load test (default 20s)
#   CACHE_MB  answer cache of the server in the cached runs (default 256)
#   WORK      scratch directory (default /tmp/newsgraph-bench); stores are kept
#             there, so a second run with the same SIZES reuses them (REBUILD=1 to rebuild)
#   NEWSGRAPH_CORPUS  bbc.jsonl (default: found above the repository)
#
# Everything binds to 127.0.0.1 only. Each step is bounded in time.
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000"}
RATE=${RATE:-1000}
DURATION=${DURATION:-20s}
CACHE_MB=${CACHE_MB:-256}
WORK=${WORK:-/tmp/newsgraph-bench}
PORT=${PORT:-18080}
mkdir -p "$WORK"

corpus=${NEWSGRAPH_CORPUS:-}
if [ -z "$corpus" ]; then
	d=$PWD
	while [ "$d" != / ]; do
		if [ -f "$d/shared/corpus/bbc.jsonl" ]; then corpus=$d/shared/corpus/bbc.jsonl; break; fi
		d=$(dirname "$d")
	done
fi
[ -f "$corpus" ] || { echo "run.sh: bbc.jsonl not found; set NEWSGRAPH_CORPUS" >&2; exit 1; }
export NEWSGRAPH_CORPUS=$corpus

server_pid=
stop_server() {
	if [ -n "$server_pid" ]; then
		kill "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
		server_pid=
	fi
}
trap stop_server EXIT

section() { printf '\n## %s\n\n' "$*"; }

# cpu_ticks PID prints the user+system clock ticks the process has used.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TCK=$(getconf CLK_TCK)

# load NAME ARGS... runs one load test and prints the server's CPU per
# request, which other work on a shared machine does not inflate.
load() {
	local name=$1; shift
	local t0 t1 out ok
	t0=$(cpu_ticks "$server_pid")
	out=$("$WORK/loadtest" -url "http://127.0.0.1:$PORT/graphql" "$@" 2>&1) || true
	t1=$(cpu_ticks "$server_pid")
	echo "$out"
	# Requests sent, warm-up included, as the CPU counts them too.
	ok=$(echo "$out" | sed -n 's/.* \([0-9]*\) sent (and \([0-9]*\) in warm-up).*/\1 \2/p' | awk '{print $1 + $2}')
	if [ -n "$ok" ] && [ "$ok" -gt 0 ]; then
		echo "server CPU ($name): $(awk "BEGIN{printf \"%.3f\", 1000*($t1-$t0)/$TCK/$ok}") ms per request"
	fi
}

# cpu_words LOG WORDS prints the words per CPU-second of a /usr/bin/time -v log.
cpu_words() {
	local cpu
	cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$1")
	echo "CPU: ${cpu}s user+system = $(awk "BEGIN{printf \"%.0f\", $2/$cpu}") words per CPU-second"
}

section "Machine"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "nproc: $(nproc)"
lscpu | sed -n '1,/^NUMA/p' | grep -E 'Model name|^CPU\(s\)|Thread|Core|Socket|MHz' || true
go version
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
free -m | sed -n 2p

section "Build"
go build -o "$WORK/newsgraph" ./cmd/newsgraph
go build -o "$WORK/gencorpus" ./cmd/gencorpus
go build -o "$WORK/loadtest" ./cmd/loadtest
echo "built newsgraph, gencorpus, loadtest into $WORK"

section "Extractor: newsgraph vs prose v2 (model loaded once), first 300 bbc articles"
go test ./bench -run '^$' -bench 'Extract(Newsgraph|Parallel)$' -benchtime 3s -benchmem -count 1
go test ./bench -run '^$' -bench 'ExtractProseLoadedOnce$' -benchtime 40x -benchmem -count 1
go test ./bench -run '^$' -bench 'ExtractRatio$' -benchtime 2x -count 1
echo "one core (GOMAXPROCS=1):"
GOMAXPROCS=1 go test ./bench -run '^$' -bench 'ExtractNewsgraph$' -benchtime 3s -count 1 | grep Benchmark

section "Ingest of bbc.jsonl into a new store (newsgraph ingest)"
text_bytes=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$corpus" 2>/dev/null || stat -c %s "$corpus")
rm -rf "$WORK/store-bbc"
/usr/bin/time -v "$WORK/newsgraph" ingest --quiet --data "$WORK/store-bbc" "$corpus" 2> "$WORK/ingest-bbc.log" || { cat "$WORK/ingest-bbc.log"; exit 1; }
grep 'newsgraph ingest:' "$WORK/ingest-bbc.log"
grep -E 'Maximum resident|Elapsed \(wall|Percent of CPU' "$WORK/ingest-bbc.log"
cpu_words "$WORK/ingest-bbc.log" "$(sed -n 's/.* \([0-9]*\) words, .*/\1/p' "$WORK/ingest-bbc.log" | tail -1)"
store_bytes=$(du -sb "$WORK/store-bbc" | cut -f1)
echo "text: $text_bytes bytes; store on disk: $store_bytes bytes; store/text: $(awk "BEGIN{printf \"%.1f\", $store_bytes/$text_bytes}")"
echo "in process (go test -bench IngestBBC):"
go test ./bench -run '^$' -bench 'IngestBBC$' -benchtime 1x -benchmem -count 1 | grep Benchmark

section "Growth and load: generated stores of $SIZES articles"
for n in $SIZES; do
	gen="$WORK/gen-$n.jsonl"
	store="$WORK/store-$n"
	[ -f "$gen" ] || "$WORK/gencorpus" -n "$n" -seed 1 -out "$gen"
	if [ -n "${REBUILD:-}" ] || [ ! -d "$store" ]; then
		rm -rf "$store"
		/usr/bin/time -v "$WORK/newsgraph" ingest --quiet --data "$store" "$gen" 2> "$WORK/ingest-$n.log" || { cat "$WORK/ingest-$n.log"; exit 1; }
	fi
	echo "### $n articles"
	grep 'newsgraph ingest:' "$WORK/ingest-$n.log"
	cpu_words "$WORK/ingest-$n.log" "$(sed -n 's/.* \([0-9]*\) words, .*/\1/p' "$WORK/ingest-$n.log" | tail -1)"
	secs=$(grep 'Elapsed (wall' "$WORK/ingest-$n.log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
	echo "ingest wall: ${secs}s = $(awk "BEGIN{printf \"%.2f\", 1000*$secs/$n}") ms/article; $(grep 'Maximum resident' "$WORK/ingest-$n.log" | sed 's/^\s*//'); store $(du -sh "$store" | cut -f1)"

	# First with the answer cache off (every query runs: what a cache miss
	# costs), then on, warmed by a run at saturation first.
	for cache in 0 "$CACHE_MB"; do
		"$WORK/newsgraph" serve --data "$store" --addr "127.0.0.1:$PORT" --cache-mb "$cache" > "$WORK/serve-$n.log" 2>&1 &
		server_pid=$!
		for _ in $(seq 1 100); do
			curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null 2>&1 && break
			sleep 0.2
		done
		if [ "$cache" = 0 ]; then
			echo "answer cache off; per query kind, closed loop, 1 worker, 5s each (latency without queueing):"
			for k in speaker contains entity neighbourhood; do
				load "$k" -rate 0 -concurrency 1 -duration 5s -warmup 1s -queries "$k" | grep -E "^$k |server CPU"
			done
		else
			echo "answer cache on ($cache MB), warmed by $DURATION at saturation:"
			load warm -rate 0 -concurrency 16 -duration "$DURATION" -warmup 0s > /dev/null
		fi
		echo "open loop at $RATE req/s:"
		load open -rate "$RATE" -duration "$DURATION" -warmup 3s
		echo "closed loop (saturation), 16 workers:"
		load saturation -rate 0 -concurrency 16 -duration "$DURATION" -warmup 2s
		stop_server
	done

	# A live feed: one new article a second posted to /ingest while the
	# queries run, into a copy of the store (the feed writes to it). The
	# feed's articles follow the store's in the same generated corpus.
	feed="$WORK/feed-$n.jsonl"
	[ -s "$feed" ] || "$WORK/gencorpus" -n "$((n + 100))" -pool "$((2000 + n))" -seed 1 | tail -n 100 > "$feed"
	for cache in 0 "$CACHE_MB"; do
		rm -rf "$WORK/store-$n-feed"
		cp -r "$store" "$WORK/store-$n-feed"
		NEWSGRAPH_TOKEN=bench "$WORK/newsgraph" serve --data "$WORK/store-$n-feed" --addr "127.0.0.1:$PORT" --cache-mb "$cache" > "$WORK/serve-$n-feed.log" 2>&1 &
		server_pid=$!
		for _ in $(seq 1 100); do
			curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null 2>&1 && break
			sleep 0.2
		done
		if [ "$cache" != 0 ]; then
			load warm -rate 0 -concurrency 16 -duration "$DURATION" -warmup 0s > /dev/null
		fi
		echo "answer cache ${cache} MB, open loop at $RATE req/s with a feed of one article a second:"
		load feed -rate "$RATE" -duration "$DURATION" -warmup 3s -feed "$feed" -feed-rate 1 -token bench
		stop_server
	done
	rm -rf "$WORK/store-$n-feed"
done

section "Growth, in process (BenchmarkGrowth): ns/op per size and the ratio largest/smallest"
gsizes=$(for n in $SIZES; do [ "$n" -le "${GROWTH_MAX:-10000}" ] && echo "$n"; done | paste -sd, -)
NEWSGRAPH_GROWTH=$gsizes go test ./bench -run '^$' -bench 'Growth' -benchtime 2s -count 1 -timeout 30m | tee "$WORK/growth.txt" | grep Benchmark
awk '/^BenchmarkGrowth\/articles=/ {
	split($1, p, "/"); n = substr(p[2], 10); k = p[3]; sub(/-[0-9]+$/, "", k)
	ns[k, n] = $3; if (!(k in seen)) { seen[k] = 1; order[++nk] = k }
	if (!(n in sz)) { sz[n] = 1; sizes[++ns_] = n }
}
END {
	lo = sizes[1]; hi = sizes[ns_]
	for (i = 1; i <= nk; i++) { k = order[i]
		if (ns[k, lo] > 0) printf "%-36s %12.0f ns/op at %s  %12.0f ns/op at %s  growth %.2fx\n", k, ns[k, lo], lo, ns[k, hi], hi, ns[k, hi] / ns[k, lo]
	}
}' "$WORK/growth.txt"

section "Done"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
