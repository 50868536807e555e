package data_test

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"unknot/data"
)

// The dose property test: thousands of simulated people (dose_sim_test.go),
// each checked after every step. Replay a failure with the seed it prints:
//
//	go test ./data/ -run TestDoseProperties -dose.seed=N [-dose.person=P]
//
// or UNKNOT_DOSE_SEED=N.
var (
	doseSeed   = flag.Uint64("dose.seed", 0, "seed of the dose property test (0: a new one, or UNKNOT_DOSE_SEED)")
	doseCases  = flag.Int("dose.cases", 1000, "people the dose property test simulates")
	dosePerson = flag.Int("dose.person", -1, "simulate only this person of the seed's run")
)

// perDayIDs are the exercises the article doses per day.
var perDayIDs = []string{data.Flexibility, data.Bridge}

// lvl is an exercise's level as DosesAt gives it.
type lvl struct {
	reps int
	hold time.Duration
}

// key orders the levels of exercise id: the hold counts only for the
// rotation, whose progression lengthens it.
func (l lvl) key(id string) int {
	if id == data.Rotation {
		return l.reps*1000 + int(l.hold/time.Second)
	}
	return l.reps * 1000
}

// startLvl is the level a new person starts at, from the article.
var startLvl = map[string]lvl{
	data.KneeToChest: {2, 5 * time.Second}, data.Rotation: {2, 5 * time.Second},
	data.Flexibility: {5, 5 * time.Second}, data.Bridge: {5, 18 * time.Second}, data.CatStretch: {3, 5 * time.Second},
}

// downLvl is one step down from l, as issue 23 writes it: 2 repetitions of
// the per-day exercises, 1 of knee-to-chest and the cat stretch, and for
// the rotation a repetition down to 2, then 1 s of hold; never below the
// start.
func downLvl(id string, l lvl) lvl {
	s := startLvl[id]
	switch {
	case id == data.Flexibility || id == data.Bridge:
		l.reps -= 2
	case id == data.Rotation && l.reps <= s.reps:
		l.hold -= time.Second
	default:
		l.reps--
	}
	l.reps, l.hold = max(l.reps, s.reps), max(l.hold, s.hold)
	return l
}

// levelsAt is the level of every exercise for a session at now.
func levelsAt(c data.Catalogue, history []data.Record, now data.Stamp) map[string]lvl {
	out := map[string]lvl{}
	for _, d := range data.DosesAt(c, history, now).All() {
		out[d.Exercise.ID] = lvl{d.Reps, d.Hold}
	}
	return out
}

// seedOf is the seed to run: the flag, the environment, or a new one.
func seedOf(tb testing.TB) uint64 {
	tb.Helper()
	if *doseSeed != 0 {
		return *doseSeed
	}
	if env := os.Getenv("UNKNOT_DOSE_SEED"); env != "" {
		n, err := strconv.ParseUint(env, 10, 64)
		if err != nil {
			tb.Fatalf("UNKNOT_DOSE_SEED=%q: %v", env, err)
		}
		return n
	}
	return uint64(time.Now().UnixNano())
}

// TestDoseProperties simulates people using Unknot and checks, after every
// step, the rules of issue 23:
//   - no local day, and no window shorter than 6 hours, holds more of a
//     per-day exercise than the highest dose the authority offered on a
//     local day the window touches;
//   - a session with a pain signal never raises a level;
//   - a level never rises without a scored week done at it since the
//     last pain signal;
//   - after a break the level steps down as written: one step after
//     BreakDays, to the start after LongBreakDays;
//   - a session may always hold from 1 to today's level, or nothing.
func TestDoseProperties(t *testing.T) {
	seed := seedOf(t)
	t.Logf("seed %d (replay: go test ./data/ -run TestDoseProperties -dose.seed=%d)", seed, seed)
	people := make(chan int)
	go func() {
		defer close(people)
		if *dosePerson >= 0 {
			people <- *dosePerson
			return
		}
		n := *doseCases
		if testing.Short() {
			n /= 10
		}
		for i := range n {
			people <- i
		}
	}()
	// People are independent, each from (seed, person): they run on every
	// core, and a failure names the one to replay.
	var mu sync.Mutex
	total, longest, count, failed := 0, 0, 0, 0
	var seen coverage
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for n := range people {
				steps, size, cov, err := person(seed, n)
				mu.Lock()
				total, longest, count = total+steps, max(longest, size), count+1
				seen.rises, seen.pains, seen.breaks = seen.rises+cov.rises, seen.pains+cov.pains, seen.breaks+cov.breaks
				if err != "" && failed < 3 {
					failed++
					t.Errorf("%s", err)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	t.Logf("%d people, %d steps, the longest history %d sessions; checked: %d rises, %d sessions with a pain signal, %d breaks stepping down from above the start",
		count, total, longest, seen.rises, seen.pains, seen.breaks)
}

// coverage counts how often a rule was put to the test: a level that rose,
// a session with a pain signal, a break that stepped down from above the
// start. A run that checks none of one proves nothing about it.
type coverage struct{ rises, pains, breaks int }

// simFailure stops a simulated person at a broken rule.
type simFailure string

// person simulates person n of the run seeded seed and checks the rules
// after every step. It returns the steps taken, the history's length, and
// what broke ("" for nothing) with the steps that led to it.
func person(seed uint64, n int) (steps, size int, cov coverage, failure string) {
	rng := rand.New(rand.NewPCG(seed, uint64(n)))
	s := newSim(rng)
	step := 0
	defer func() {
		if r := recover(); r != nil {
			f, ok := r.(simFailure)
			if !ok {
				panic(r)
			}
			failure = fmt.Sprintf("seed %d, person %d (replay: -dose.seed=%d -dose.person=%d), step %d: %s\n%s", seed, n, seed, n, step, f, s.story())
		}
	}()
	// Most people for a few weeks; some for months, long enough for
	// levels to climb and breaks to come.
	steps = 15 + rng.IntN(30)
	if rng.IntN(25) == 0 || (s.temper <= unrated && rng.IntN(12) == 0) {
		steps = 250
	}
	fail := func(format string, args ...any) { panic(simFailure(fmt.Sprintf(format, args...))) }
	var prev map[string]lvl
	var prevDate string
	bases := map[baseKey]lvl{}
	view := s.view()
	for step = range steps {
		before, beforeView := signalled(s.history), view
		s.step()
		now := s.stamp()
		view = s.view()
		if msg := checkDays(s); msg != "" {
			fail("%s", msg)
		}
		doses := data.DosesAt(s.cat, view, now)
		levels := map[string]lvl{}
		for _, d := range doses.All() {
			levels[d.Exercise.ID] = lvl{d.Reps, d.Hold}
			if d.Max > d.Reps || d.Max < 0 || (d.Max > 0) != (d.Min == data.MinReps) || (d.Max == 0) != (d.LeftOut != "") {
				fail("%s: min %d, max %d of level %d, left out %q", d.Exercise.ID, d.Min, d.Max, d.Reps, d.LeftOut)
			}
		}
		if painAdded(before, s.history) {
			cov.pains++
			was := levelsAt(s.cat, beforeView, now)
			for id, l := range levels {
				if l.key(id) > was[id].key(id) {
					fail("%s rose from %v to %v after a session with a pain signal", id, was[id], l)
				}
			}
		}
		// A calendar that went back (a flight west) can undo a break's
		// step down it had counted: that is no rise.
		if prev != nil && now.LocalDate >= prevDate {
			for id, l := range levels {
				if l.key(id) <= prev[id].key(id) {
					continue
				}
				cov.rises++
				if !scoredWeek(view, id, prev[id], effDay(view, now)) {
					fail("%s rose from %v to %v without a scored week done at it", id, prev[id], l)
				}
			}
		}
		msg, stepped := checkBreak(s.cat, view, now, levels, bases)
		if msg != "" {
			fail("%s", msg)
		}
		cov.breaks += stepped
		prev, prevDate = levels, now.LocalDate
	}
	return steps, len(s.history), cov, ""
}

// signalled is the ids of the records of history with a pain signal.
func signalled(history []data.Record) map[string]bool {
	out := map[string]bool{}
	for _, r := range history {
		if signal(r) {
			out[r.ID] = true
		}
	}
	return out
}

// painAdded reports whether after holds a record with a pain signal that
// was not among before's.
func painAdded(before map[string]bool, after []data.Record) bool {
	for _, r := range after {
		if signal(r) && !before[r.ID] {
			return true
		}
	}
	return false
}

// signal is a pain signal, read here on its own: "This hurts", 7 or more
// after, a rise of 2 or more.
func signal(r data.Record) bool {
	return r.Stopped == data.StoppedHurt || (r.PainAfter != nil && *r.PainAfter >= 7) ||
		(r.PainBefore != nil && r.PainAfter != nil && *r.PainAfter-*r.PainBefore >= 2)
}

// begunOf counts the repetitions of id begun in r.
func begunOf(r data.Record, id string) int {
	n := 0
	for _, l := range r.Exercises {
		if l.Exercise == id && l.Holds > 0 {
			n += max(l.RepsDone, (l.HoldsDone*l.Reps+l.Holds-1)/l.Holds)
		}
	}
	return n
}

// piece is repetitions of a per-day exercise done between two instants,
// on a local date.
type piece struct {
	start, end time.Time
	date       string
	n          int
	fresh      bool
}

// pieces lists when the repetitions of exercise id were done: a record's
// from its start to its end, or for a session resumed in place what it
// did before its break and what after.
func pieces(s *sim, id string) []piece {
	var out []piece
	for _, r := range s.history {
		n := begunOf(r, id)
		if n == 0 {
			continue
		}
		part, split := s.resumed[r.ID]
		if !split {
			out = append(out, piece{r.Start, r.End, r.LocalDate, n, s.fresh[r.ID]})
			continue
		}
		before := begunOf(part.before, id)
		out = append(out, piece{r.Start, part.before.End, r.LocalDate, before, true},
			piece{part.at, r.End, r.LocalDate, n - before, true})
	}
	return out
}

// checkDays checks the days and the 6-hour windows of the per-day
// exercises: what each holds against the highest dose offered on a local
// date it touches. Only what the simulation did is held to it: a starting
// history from older versions may hold anything.
func checkDays(s *sim) string {
	for _, id := range perDayIDs {
		ps := pieces(s, id)
		day, fresh := map[string]int{}, map[string]bool{}
		for _, p := range ps {
			day[p.date] += p.n
			fresh[p.date] = fresh[p.date] || p.fresh
		}
		for date, n := range day {
			if most, ok := s.offered[date][id]; ok && n > most && fresh[date] {
				return id + ": " + date + " holds " + strconv.Itoa(n) + ", the most offered that day " + strconv.Itoa(most)
			}
		}
		// Every window shorter than 6 hours lies within the set of
		// pieces ending no sooner than one piece's end and starting
		// less than 6 hours after it.
		for _, a := range ps {
			sum, most, isFresh := 0, 0, false
			for _, b := range ps {
				if !b.end.Before(a.end) && b.start.Before(a.end.Add(data.DayGap)) {
					sum += b.n
					most = max(most, s.offered[b.date][id])
					isFresh = isFresh || b.fresh
				}
			}
			if isFresh && sum > most {
				return id + ": " + strconv.Itoa(sum) + " within 6 hours of " + a.end.UTC().Format(time.RFC3339) + ", the most offered " + strconv.Itoa(most)
			}
		}
	}
	return ""
}

// effDay is the day DosesAt calls today: the later of now's date and the
// latest date in the history.
func effDay(history []data.Record, now data.Stamp) int {
	eff, _ := data.DayNumber(now.LocalDate)
	for _, r := range history {
		if n, ok := data.DayNumber(r.LocalDate); ok && n > eff {
			eff = n
		}
	}
	return eff
}

// scoredWeek reports whether history holds a scored week at level l of
// exercise id before day eff and after its last day with a pain signal:
// 7 days with l's repetitions done, every hold, in sessions with both pain
// scores that are not a third twice-a-day session of their day.
func scoredWeek(history []data.Record, id string, l lvl, eff int) bool {
	byDay := map[int][]data.Record{}
	lastPain := -1 << 30
	for _, r := range history {
		n, ok := data.DayNumber(r.LocalDate)
		if !ok || n >= eff {
			continue
		}
		byDay[n] = append(byDay[n], r)
		if signal(r) {
			lastPain = max(lastPain, n)
		}
	}
	days := 0
	for n, recs := range byDay {
		if n <= lastPain {
			continue
		}
		recs = data.InOrder(recs)
		sessions, sum, best := 0, 0, 0
		for _, r := range recs {
			twice := r.TwiceADaySession()
			if twice {
				sessions++
			}
			if (twice && sessions > 2) || r.PainBefore == nil || r.PainAfter == nil {
				continue
			}
			done := 0
			for _, g := range r.Exercises {
				if g.Exercise == id && (id != data.Rotation || g.Hold().Round(time.Second) >= l.hold) {
					done += g.RepsDone
				}
			}
			sum, best = sum+done, max(best, done)
		}
		if best >= l.reps || (slices.Contains(perDayIDs, id) && sum >= l.reps) {
			days++
		}
	}
	return days >= data.DaysAtLevel
}

// baseKey names a level the day after an exercise was last done: the
// exercise, that day, and the records up to it (a history only grows).
type baseKey struct {
	id         string
	last, recs int
}

// checkBreak checks that after a gap of BreakDays or more since exercise
// was last done the level is one step below the level it had the day
// after, or lower where pain came since, and the start after
// LongBreakDays.
// It returns what broke ("" for nothing) and how many breaks it checked
// that stepped down from above the start.
func checkBreak(c data.Catalogue, history []data.Record, now data.Stamp, levels map[string]lvl, bases map[baseKey]lvl) (string, int) {
	stepped := 0
	eff := effDay(history, now)
	days := make([]int, len(history))
	for i, r := range history {
		days[i], _ = data.DayNumber(r.LocalDate)
	}
	for _, e := range c {
		last, found := 0, false
		for i, r := range history {
			if n := days[i]; n < eff && slices.ContainsFunc(r.Exercises, func(l data.ExerciseLog) bool { return l.Exercise == e.ID && l.HoldsDone > 0 }) {
				last, found = max(last, n), true
			}
		}
		gap := eff - last
		if !found || gap < data.BreakDays {
			continue
		}
		upTo, pain := 0, false
		for i, r := range history {
			switch n := days[i]; {
			case n <= last:
				upTo++
			case signal(r):
				pain = true
			}
		}
		got := levels[e.ID]
		if gap >= data.LongBreakDays {
			if got.key(e.ID) != startLvl[e.ID].key(e.ID) {
				return e.ID + ": " + strconv.Itoa(gap) + " days off, want the start", stepped
			}
			continue
		}
		k := baseKey{e.ID, last, upTo}
		base, ok := bases[k]
		if !ok {
			before := slices.DeleteFunc(slices.Clone(history), func(r data.Record) bool {
				n, _ := data.DayNumber(r.LocalDate)
				return n > last
			})
			base = levelsAt(data.Catalogue{e}, before, data.Stamp{LocalDate: dateOf(last + 1)})[e.ID]
			bases[k] = base
		}
		want := downLvl(e.ID, base)
		if want.key(e.ID) != base.key(e.ID) {
			stepped++
		}
		if got.key(e.ID) > want.key(e.ID) || (!pain && got.key(e.ID) != want.key(e.ID)) {
			return e.ID + ": " + strconv.Itoa(gap) + " days off at " + strconv.Itoa(base.reps) + ", got " + strconv.Itoa(got.reps) + ", want " + strconv.Itoa(want.reps), stepped
		}
	}
	return "", stepped
}

// dateOf is the date of day number n.
func dateOf(n int) string {
	return time.Unix(0, 0).UTC().AddDate(0, 0, n).Format(data.DateLayout)
}
