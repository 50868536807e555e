package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Lighthouse, pinned in bench/lighthouse/package.json and its lock file,
// runs with its mobile defaults (a mid-range phone, simulated slow 4G and a
// CPU 4× slower than this machine's), as PageSpeed Insights reports it.
const lighthouseVersion = "12.2.3"

// lighthouseRoutes are Unknot's pages Lighthouse measures; the baseline has
// only "/".
var lighthouseRoutes = []string{"/", "/session/morning", "/history", "/exercise/bridge"}

// The Lighthouse ceilings.
const (
	budgetCLS        = 0.02 // cumulative layout shift on every route
	budgetScoreBelow = 5.0  // performance score, at most this many points below the baseline's
)

// lighthouseReport is what the benchmark reads of one Lighthouse report.
type lighthouseReport struct {
	site, route string
	score       float64 // performance, 0 to 100
	cls         float64
	tbt, lcp    float64 // ms
	longest     float64 // ms, the longest main-thread task Lighthouse lists
	longestURL  string  // the script it ran in
	bfcache     []string
	others      string // accessibility, best practices and SEO scores
}

// lighthouseCLI returns Lighthouse's command-line script under root's
// bench/lighthouse, installing the pinned version there with npm ci when it
// is missing or another.
func lighthouseCLI(root string) (string, error) {
	dir := filepath.Join(root, "bench", "lighthouse")
	cli := filepath.Join(dir, "node_modules", "lighthouse", "cli", "index.js")
	if installedVersion(dir) == lighthouseVersion {
		return cli, nil
	}
	if _, err := exec.LookPath("npm"); err != nil {
		return "", errors.New("npm is missing: make lighthouse installs Node.js and Lighthouse")
	}
	logf("installing Lighthouse %s into %s (npm ci)", lighthouseVersion, dir)
	cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("npm ci: %w\n%s", err, out)
	}
	if v := installedVersion(dir); v != lighthouseVersion {
		return "", fmt.Errorf("npm ci installed Lighthouse %q, want %s: bench/lighthouse/package-lock.json is stale", v, lighthouseVersion)
	}
	return cli, nil
}

func installedVersion(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, "node_modules", "lighthouse", "package.json"))
	if err != nil {
		return ""
	}
	var p struct{ Version string }
	json.Unmarshal(b, &p)
	return p.Version
}

// runLighthouse runs Lighthouse on url with Chromium at chromium, in a
// profile of its own under tmp (a first visit: no cache, no service
// worker), and reads its report.
func runLighthouse(cli, chromium, tmp, url string) (lighthouseReport, error) {
	var r lighthouseReport
	dir, err := os.MkdirTemp(tmp, "lighthouse-")
	if err != nil {
		return r, err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "report.json")
	cmd := exec.Command("node", cli, url,
		"--output=json", "--output-path="+out, "--quiet",
		"--chrome-flags=--headless=new --no-sandbox")
	// Chrome's profile and temporary files go under dir (chrome-launcher
	// makes its profile in the temporary folder).
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium, "TMPDIR="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		return r, fmt.Errorf("lighthouse %s: %w\n%s", url, err, tail(b, 2000))
	}
	f, err := os.Open(out)
	if err != nil {
		return r, err
	}
	defer f.Close()
	return readLighthouse(f)
}

func tail(b []byte, n int) string {
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(b)
}

// readLighthouse reads the figures of a Lighthouse JSON report.
func readLighthouse(rd io.Reader) (lighthouseReport, error) {
	var rep struct {
		LighthouseVersion string `json:"lighthouseVersion"`
		RuntimeError      *struct{ Code, Message string }
		Categories        map[string]struct {
			Score *float64 `json:"score"`
		} `json:"categories"`
		Audits map[string]struct {
			Score        *float64 `json:"score"`
			NumericValue float64  `json:"numericValue"`
			Details      struct {
				Items []struct {
					URL            string  `json:"url"`
					Duration       float64 `json:"duration"`
					Reason         string  `json:"reason"`
					ProtocolReason string  `json:"protocolReason"`
					FailureType    string  `json:"failureType"`
				} `json:"items"`
			} `json:"details"`
		} `json:"audits"`
	}
	var r lighthouseReport
	if err := json.NewDecoder(rd).Decode(&rep); err != nil {
		return r, err
	}
	if rep.RuntimeError != nil && rep.RuntimeError.Code != "" {
		return r, fmt.Errorf("Lighthouse: %s: %s", rep.RuntimeError.Code, rep.RuntimeError.Message)
	}
	if rep.LighthouseVersion != lighthouseVersion {
		return r, fmt.Errorf("the report is of Lighthouse %s, want %s", rep.LighthouseVersion, lighthouseVersion)
	}
	perf := rep.Categories["performance"].Score
	if perf == nil {
		return r, errors.New("the report has no performance score")
	}
	r.score = *perf * 100
	a := rep.Audits
	r.cls = a["cumulative-layout-shift"].NumericValue
	r.tbt = a["total-blocking-time"].NumericValue
	r.lcp = a["largest-contentful-paint"].NumericValue
	for _, it := range a["long-tasks"].Details.Items {
		if it.Duration > r.longest {
			r.longest, r.longestURL = it.Duration, it.URL
		}
	}
	if s := a["bf-cache"].Score; s == nil || *s < 1 {
		for _, it := range a["bf-cache"].Details.Items {
			r.bfcache = append(r.bfcache, it.ProtocolReason+" ("+it.FailureType+")")
		}
		if len(r.bfcache) == 0 {
			r.bfcache = []string{"not tested"}
		}
	}
	var others []string
	for _, c := range []struct{ id, name string }{{"accessibility", "A"}, {"best-practices", "BP"}, {"seo", "SEO"}} {
		if s := rep.Categories[c.id].Score; s != nil {
			others = append(others, fmt.Sprintf("%s %.0f", c.name, *s*100))
		}
	}
	r.others = strings.Join(others, " · ")
	return r, nil
}

// measureLighthouse runs Lighthouse on the baseline, then on each of
// Unknot's routes, passes times over, so that both meet the machine as it
// was during the run. Each score is the median of the passes, as
// Lighthouse's own advice on variability has it: one run's score moves by
// 5 points or more, and now and then headless Chromium shows a page's
// first frames only at its next change (docs/performance.md, "A score of
// 49"), which puts the largest paint after app.wasm in Lighthouse's
// simulation and costs that run 30 points. A median of three sets such a
// run aside; a mean of two did not.
func measureLighthouse(root, chromium, tmp string, app, base *site, routes []string, passes int) (appReports, baseReports []lighthouseReport, err error) {
	cli, err := lighthouseCLI(root)
	if err != nil {
		return nil, nil, err
	}
	one := func(s *site, route string) (lighthouseReport, error) {
		r, err := runLighthouse(cli, chromium, tmp, s.Base+route)
		r.site, r.route = s.name, route
		if err == nil {
			logf("lighthouse %s %s: %.0f, CLS %.3f, TBT %.0f ms", s.name, route, r.score, r.cls, r.tbt)
		}
		return r, err
	}
	for range passes {
		r, err := one(base, "/")
		if err != nil {
			return appReports, baseReports, err
		}
		baseReports = append(baseReports, r)
		for _, route := range routes {
			r, err := one(app, route)
			if err != nil {
				return appReports, baseReports, err
			}
			appReports = append(appReports, r)
		}
	}
	return appReports, baseReports, nil
}

// printLighthouse writes the Lighthouse table and checks its ceilings.
func printLighthouse(w io.Writer, app, base []lighthouseReport, check func(string, bool) string) {
	if len(app) == 0 || len(base) == 0 {
		return
	}
	baseScore := medianScore(base)
	fmt.Fprintf(w, "\nLighthouse %s, mobile defaults (simulated slow 4G, CPU 4× slower): a first visit of each page\n\n", lighthouseVersion)
	fmt.Fprintln(w, "| Page | Performance | CLS | TBT | LCP | Longest task | Back/forward cache | Other categories | Ceilings | Result |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
	row := func(r lighthouseReport, ceilings, result string) {
		bf := "restored"
		if len(r.bfcache) > 0 {
			bf = "not restored: " + strings.Join(r.bfcache, ", ")
		}
		task := fmt.Sprintf("%.0f ms", r.longest)
		if r.longestURL != "" {
			task += " (" + shortURL(r.longestURL) + ")"
		}
		fmt.Fprintf(w, "| %s %s | %.0f | %.3f | %.0f ms | %.2f s | %s | %s | %s | %s | %s |\n",
			r.site, r.route, r.score, r.cls, r.tbt, r.lcp/1000, task, bf, r.others, ceilings, result)
	}
	for _, r := range base {
		row(r, "", "")
	}
	// Each route's runs: its score is their median, its CLS the largest.
	var routes []string
	runs := map[string][]lighthouseReport{}
	for _, r := range app {
		if runs[r.route] == nil {
			routes = append(routes, r.route)
		}
		runs[r.route] = append(runs[r.route], r)
	}
	for _, route := range routes {
		score, cls := medianScore(runs[route]), 0.0
		for _, r := range runs[route] {
			cls = max(cls, r.cls)
		}
		ok := cls <= budgetCLS && score >= baseScore-budgetScoreBelow
		result := check("Lighthouse "+route, ok)
		for i, r := range runs[route] {
			ceilings, res := "", ""
			if i == len(runs[route])-1 {
				ceilings = fmt.Sprintf("CLS ≤ %.2f, score ≥ %.0f (median %.0f)", budgetCLS, baseScore-budgetScoreBelow, score)
				res = result
			}
			row(r, ceilings, res)
		}
	}
}

// medianScore is the median of the reports' scores.
func medianScore(reports []lighthouseReport) float64 {
	scores := make([]float64, len(reports))
	for i, r := range reports {
		scores[i] = r.score
	}
	return median(scores)
}

// shortURL is the path of u, or u when it has none ("Unattributable").
func shortURL(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		if j := strings.Index(u[i+3:], "/"); j >= 0 {
			u = u[i+3+j:]
		}
	}
	u, _, _ = strings.Cut(u, "?")
	return u
}
