# Unknot: the targets are the project's vocabulary (see README.md).
ADDR ?= localhost:8000
WASM_FLAGS = -trimpath -ldflags='-s -w' -gcflags=unknot/data/store=-l

.PHONY: build css wasm server run static test check e2e webkit soak bench lighthouse chromium webkit-deps espeak-ng speech poppler clean gen

build: css wasm server ## the app (web/app.wasm, precompressed, and web/app.css) and the server (bin/unknot)
	bin/unknot compress

css: ## join the stylesheet's parts (components/*/*.css) into web/app.css
	cd components/ui && go run ../internal/cssgen

wasm:
	GOOS=js GOARCH=wasm go build $(WASM_FLAGS) -o web/app.wasm ./app

server:
	go build -trimpath -o bin/unknot ./app

run: build ## serve on $(ADDR) from the repo root, which holds web/
	bin/unknot serve -addr $(ADDR)

static: build ## write a static site into dist/
	rm -rf dist && bin/unknot static -out dist

check: ## vet and native tests
	go vet ./... && GOOS=js GOARCH=wasm go vet ./app ./components/...
	go test ./...

test: espeak-ng speech poppler ## everything: vet, race tests (with real speech), the wasm build and the browser tests
	go vet ./... && GOOS=js GOARCH=wasm go vet ./app ./components/...
	go test -race ./...
	$(MAKE) wasm
	$(MAKE) e2e
	$(MAKE) webkit
	go run ./bench -quick -smoke

e2e: chromium poppler ## the browser tests in Chromium
	UNKNOT_E2E=1 go test ./e2e/ -count=1 -v -timeout 45m

webkit: webkit-deps ## the browser tests in WebKit, the engine of every iPhone browser (~3 min after the build)
	UNKNOT_E2E=1 go test ./e2e/webkit/ -count=1 -v -timeout 15m

bench: chromium lighthouse ## sizes, launch times, update cost, memory, history, Lighthouse and timer against the budgets (~35 min)
	go run ./bench -strict

# Lighthouse, pinned in bench/lighthouse/package-lock.json, for make bench
# (which would install it too): Node.js from Debian when it is missing.
lighthouse:
	@command -v npm >/dev/null || { if [ "$$(id -u)" = 0 ]; then S=; else S=sudo; fi; \
		$$S apt-get update && $$S env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm; }
	@test -f bench/lighthouse/node_modules/lighthouse/package.json || (cd bench/lighthouse && npm ci --no-audit --no-fund --ignore-scripts)

chromium:
	@test -x /usr/bin/chromium || { if [ "$$(id -u)" = 0 ]; then S=; else S=sudo; fi; \
		$$S apt-get update && $$S env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }

webkit-deps:
	@test -x /usr/bin/WebKitWebDriver -a -x /usr/bin/Xvfb || { if [ "$$(id -u)" = 0 ]; then S=; else S=sudo; fi; \
		$$S apt-get update && $$S env DEBIAN_FRONTEND=noninteractive apt-get install -y webkit2gtk-driver xvfb; }

# espeak-ng speaks every line of the plans in the native tests, which check
# the speaking-time model against it.
espeak-ng:
	@test -x /usr/bin/espeak-ng || { if [ "$$(id -u)" = 0 ]; then S=; else S=sudo; fi; \
		$$S apt-get update && $$S env DEBIAN_FRONTEND=noninteractive apt-get install -y espeak-ng; }

# speech-dispatcher and a sound server let Chromium speak with espeak-ng in
# the real-voice browser test (e2e/realvoice_test.go).
speech:
	@test -x /usr/bin/speech-dispatcher -a -x /usr/bin/pulseaudio -a -x /usr/lib/speech-dispatcher-modules/sd_espeak-ng || { if [ "$$(id -u)" = 0 ]; then S=; else S=sudo; fi; \
		$$S apt-get update && $$S env DEBIAN_FRONTEND=noninteractive apt-get install -y speech-dispatcher speech-dispatcher-espeak-ng pulseaudio; }

# poppler-utils reads the report's PDF in the browser tests: pdfinfo counts
# its pages, pdftotext takes its text out (e2e/report_test.go).
poppler:
	@test -x /usr/bin/pdftotext -a -x /usr/bin/pdfinfo || { if [ "$$(id -u)" = 0 ]; then S=; else S=sudo; fi; \
		$$S apt-get update && $$S env DEBIAN_FRONTEND=noninteractive apt-get install -y poppler-utils; }

clean:
	rm -rf bin dist e2e/screenshots web/app.wasm web/app.wasm.br web/app.wasm.gz

gen: ## regenerate the figure's markup (components/ui/figure_svg.go), its poses (components/ui/figure.css) and the stylesheet joined from its parts (web/app.css)
	go generate ./components/ui

soak: chromium ## kill the page at KILLS random moments (default 1000) and check nothing is lost; SEED=n replays a run
	UNKNOT_E2E=1 UNKNOT_SOAK_KILLS=$(or $(KILLS),1000) UNKNOT_SOAK_SEED=$(SEED) go test ./e2e/ -count=1 -run '^TestSoak$$' -v -timeout 100m
