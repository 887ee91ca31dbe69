# The two commands a newcomer needs (see README.md):
#   make run    build everything, ingest the seed articles, serve the API and dashboard
#   make test   run every test
DATA ?= ./newsgraph-data
ADDR ?= 127.0.0.1:8080
BIN  := ./bin/newsgraph

.PHONY: run build web test test-go test-web fuzz bench clean

run: build
	$(BIN) ingest --data $(DATA) --published 2017-11-01 testdata/seeds
	@echo "newsgraph: open http://$(ADDR)/ in a browser, or: curl -s http://$(ADDR)/graphql --data-urlencode 'query={quotes(contains:\"first bomb\"){edges{node{text date speaker{name}}}}}' -G"
	$(BIN) serve --data $(DATA) --addr $(ADDR)

# The dashboard is built when npm is there; without Node the binary serves a
# page that says how to build it.
web:
	@if command -v npm >/dev/null 2>&1; then \
		npm --prefix web ci --no-audit --no-fund --loglevel=error && npm --prefix web run build; \
	else echo "make: npm not found: building without the dashboard assets"; fi

build: web
	go build -o $(BIN) ./cmd/newsgraph

test: test-go test-web

test-go:
	go vet ./...
	go test -race -count=1 ./...

# Browser end-to-end tests: need Node, and Debian's chromium at /usr/bin/chromium.
test-web: web
	@if command -v npm >/dev/null 2>&1 && [ -x /usr/bin/chromium ]; then \
		npm --prefix web test; \
	elif [ "$$CI" = "true" ]; then echo "make: CI needs npm and /usr/bin/chromium for the browser tests"; exit 1; \
	else echo "make: skipping browser tests (need npm and /usr/bin/chromium)"; fi

# A short run of every fuzz target (FUZZTIME each); CI runs it. The budget is
# a count of inputs, not a duration: Go 1.26's fuzz coordinator can report a
# bare "context deadline exceeded" failure when a -fuzztime duration runs out
# while a worker is busy (golang/go#75804, fixed in Go 1.27), and a count has
# no deadline to race.
FUZZTIME ?= 20000x
fuzz:
	@set -e; for t in $$(grep -rl --include='*_test.go' '^func Fuzz' . | grep -v node_modules | xargs -n1 dirname | sort -u); do \
		for f in $$(grep -ho '^func Fuzz[A-Za-z0-9_]*' $$t/*_test.go | sed 's/func //'); do \
			echo "fuzz $$t $$f"; out=$$(go test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$t 2>&1) || { echo "$$out" | tail -40; echo "fuzz: $$f in $$t failed"; exit 1; }; \
		done; \
	done

bench:
	go test -run '^$$' -bench . -benchmem ./extract/... ./graph/...

clean:
	rm -rf bin web/dist/assets web/dist/app.html
