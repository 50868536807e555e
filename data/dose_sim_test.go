package data_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
)

// This file simulates a person using Unknot as the screens would, every
// dose asked of the authority: sessions of every kind, + and −, "This
// hurts", End, sessions left and resumed or saved as partial later,
// imports, flights and clock jumps. dose_property_test.go checks the
// rules after every step.

// simZones are the zones the person flies between: both sides of the date
// line, half-hour offsets and both hemispheres' daylight saving.
var simZones = []string{"Europe/London", "America/New_York", "Asia/Tokyo", "Pacific/Kiritimati",
	"Pacific/Pago_Pago", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"}

// simTiming is the pacing of the simulated sessions: without a voice, so
// compiling a plan counts no syllables (the doses do not depend on it).
var simTiming = func() data.Timing {
	t := data.DefaultTiming()
	t.Voice = 0
	return t
}()

// sim is one person's history as the simulation makes it.
type sim struct {
	rng *rand.Rand
	cat data.Catalogue
	// now is the true instant; it only moves forward. zone is where the
	// person is.
	now  time.Time
	zone string
	// history is what is stored; waiting the sessions left running.
	history []data.Record
	waiting []data.Checkpoint
	// snapshots are backups made along the way, for imports.
	snapshots [][]data.Record
	// offered is the highest day's dose of each per-day exercise the
	// authority offered on each local date; fresh marks the records the
	// simulation made (the starting history is as old versions left it).
	offered map[string]map[string]int
	fresh   map[string]bool
	// resumed holds, for a session resumed in place, what it had done
	// before the break and when it carried on: its record spans the
	// break, its repetitions do not.
	resumed map[string]resumedPart
	// seen is the last view; changed is set when a record or waiting
	// session was replaced, which leaves the counts as they were.
	seen    []data.Record
	changed bool
	// temper is the person's temperament (steady, unrated, mixed,
	// chaotic).
	temper int
	// log says what each step did, for a failure's message.
	log []string
	ids int
}

// resumedPart is what a session resumed in place had done before its
// break, and the instant it carried on.
type resumedPart struct {
	before data.Record
	at     time.Time
}

// newSim starts a person at a random moment with a random history left
// by older versions: anything a record may hold, doses past the article's
// start included.
func newSim(rng *rand.Rand) *sim {
	s := &sim{rng: rng, cat: data.DefaultCatalogue(), offered: map[string]map[string]int{}, fresh: map[string]bool{}, resumed: map[string]resumedPart{}}
	s.zone = simZones[rng.IntN(len(simZones))]
	s.temper = []int{steady, steady, unrated, mixed, mixed, chaotic}[rng.IntN(6)]
	s.now = time.Date(2025, time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60), 0, 0, time.UTC)
	for range rng.IntN(12) {
		s.history = append(s.history, s.oldRecord(s.now.Add(-time.Duration(24+rng.IntN(40*24))*time.Hour)))
	}
	return s
}

// zones are the time zones loaded, once: the people of a run share them.
var (
	zones     map[string]*time.Location
	loadZones sync.Once
)

// loc is the time zone named zone.
func (s *sim) loc(zone string) *time.Location {
	loadZones.Do(func() {
		zones = map[string]*time.Location{}
		for _, z := range simZones {
			l, err := time.LoadLocation(z)
			if err != nil {
				panic(err)
			}
			zones[z] = l
		}
	})
	return zones[zone]
}

// stamp is the moment now on the person's calendar.
func (s *sim) stamp() data.Stamp {
	return data.NewStamp(s.now.In(s.loc(s.zone)), s.zone)
}

// id is a new record id.
func (s *sim) id() string {
	s.ids++
	return datatest.UUIDFor(fmt.Sprint("sim ", s.ids, s.rng.Uint64()))
}

// oldRecord is a record an older version may have kept at instant at: any
// exercises, any amounts, any pain.
func (s *sim) oldRecord(at time.Time) data.Record {
	st := data.NewStamp(at.In(s.loc(s.zone)), s.zone)
	r := data.Record{ID: s.id(), Routine: "custom-old", RoutineName: "Old", Start: at, End: at.Add(10 * time.Minute),
		LocalDate: st.LocalDate, LocalTime: st.LocalTime, Zone: s.zone}
	for _, e := range s.cat {
		if s.rng.IntN(2) == 0 {
			continue
		}
		reps := 1 + s.rng.IntN(40)
		holds := reps * e.HoldCount()
		done := holds
		if s.rng.IntN(3) == 0 {
			done = s.rng.IntN(holds + 1)
		}
		r.Exercises = append(r.Exercises, data.ExerciseLog{Exercise: e.ID, Name: e.Name, Reps: reps, RepsDone: done / e.HoldCount(),
			Holds: holds, HoldsDone: done, HoldMS: (e.Hold.Min + time.Duration(s.rng.IntN(6))*time.Second).Milliseconds()})
	}
	if len(r.Exercises) == 0 {
		r.Exercises = []data.ExerciseLog{{Exercise: data.Bridge, Name: "Bridge", Reps: 30, RepsDone: 30, Holds: 30, HoldsDone: 30, HoldMS: 18000}}
	}
	s.pain(&r)
	return r
}

// Temperaments: how a person rates pain and finishes sessions. Steady
// people rate every session and rarely hurt, so their levels climb and
// their breaks step down from above the start; unrated ones finish their
// sessions but never rate pain, so their levels must not climb; chaotic
// ones hurt, stop and leave sessions often.
const (
	steady = iota
	unrated
	mixed
	chaotic
)

// pain gives r random pain scores, by temperament: a steady score, a
// rise, a high score after, a score after only, or "This hurts".
func (s *sim) pain(r *data.Record) {
	n := s.rng.IntN(20)
	switch {
	case s.temper == steady && s.rng.IntN(50) > 0:
		n = 0
	case s.temper == unrated:
		n = 19
	case s.temper == chaotic:
		n = 11 + s.rng.IntN(9)
	}
	switch {
	case n < 11:
		b := s.rng.IntN(7)
		r.PainBefore, r.PainAfter = data.PainScore(b), data.PainScore(max(b-s.rng.IntN(2), 0))
	case n < 13:
		b := s.rng.IntN(6)
		r.PainBefore, r.PainAfter = data.PainScore(b), data.PainScore(b+2+s.rng.IntN(3))
	case n < 14:
		r.PainBefore, r.PainAfter = data.PainScore(7+s.rng.IntN(4)), data.PainScore(7+s.rng.IntN(4))
	case n < 15:
		r.PainAfter = data.PainScore(s.rng.IntN(11))
	case n < 16:
		r.Stopped = data.StoppedHurt
	}
}

// step does one random thing, as a person would; a steady person
// mostly does sessions and lets the day go by.
func (s *sim) step() {
	n := s.rng.IntN(100)
	if (s.temper == steady || s.temper == unrated) && n >= 55 && s.rng.IntN(4) > 0 {
		n = s.rng.IntN(45)
		if s.rng.IntN(2) == 0 {
			n = 99
		}
	}
	switch {
	case n < 45:
		s.session(s.routine())
	case n < 55 && len(s.waiting) > 0:
		s.resume()
	case n < 60 && len(s.waiting) > 0:
		s.saveAsPartial()
	case n < 64:
		s.importBackup()
	case n < 70:
		s.fly()
	case n < 78:
		s.jump()
	default:
		s.wait()
	}
}

// routine picks what to run: a built-in routine, one exercise, or a
// routine of one's own with any doses the editor allows.
func (s *sim) routine() data.Routine {
	switch n := s.rng.IntN(10); {
	case n < 6:
		b := data.BuiltinRoutines()
		return b[s.rng.IntN(len(b))]
	case n < 8:
		return data.SingleRoutine(s.cat[s.rng.IntN(len(s.cat))])
	}
	r := data.Routine{ID: "custom-sim", Name: "Mine"}
	for range 1 + s.rng.IntN(4) {
		e := s.cat[s.rng.IntN(len(s.cat))]
		it := data.RoutineItem{Exercise: e.ID}
		if s.rng.IntN(2) == 0 {
			it.Reps = 1 + s.rng.IntN(e.Reps.Max)
		}
		if e.Hold.Min != e.Hold.Max && e.Hold.Breaths == 0 && s.rng.IntN(2) == 0 {
			it.Hold = e.Hold.Min + time.Duration(s.rng.IntN(int((e.Hold.Max-e.Hold.Min)/time.Second)+1))*time.Second
		}
		r.Items = append(r.Items, it)
	}
	return r
}

// view is the history a screen plans from: what is stored, and what the
// sessions waiting to be resumed have done (data.WithWaiting), worked out
// again only when either has changed.
func (s *sim) view() []data.Record {
	if s.seen == nil || len(s.seen) != len(s.history)+len(s.waiting) || s.changed {
		s.seen, s.changed = data.WithWaiting(s.history, s.waiting, s.cat, simTiming), false
	}
	return s.seen
}

// plan asks the authority for r now and notes what it offered.
func (s *sim) plan(r data.Routine) data.Routine {
	st := s.stamp()
	doses := data.DosesAt(s.cat, s.view(), st)
	s.offer(st.LocalDate, doses)
	return s.adjust(doses.Plan(r))
}

// adjust plays with + and − on planned p: through AllowsIn on the routine
// as changed, or through Allows as the player does today.
func (s *sim) adjust(p data.TodayPlan) data.Routine {
	cur := p.Routine.Clone()
	legacy := s.rng.IntN(2) == 0
	for range s.rng.IntN(6) {
		if len(cur.Items) == 0 {
			break
		}
		i := s.rng.IntN(len(cur.Items))
		n := cur.Items[i].Reps + s.rng.IntN(61) - 30
		if s.rng.IntN(2) == 0 {
			n = cur.Items[i].Reps + 1 - 2*s.rng.IntN(2)
		}
		if (legacy && p.Allows(i, n)) || (!legacy && p.AllowsIn(cur, i, n)) {
			cur = cur.SetDose(i, n, cur.Items[i].Hold)
			s.log = append(s.log, fmt.Sprintf("  %s item %d set to %d", map[bool]string{true: "Allows", false: "AllowsIn"}[legacy], i, n))
		}
	}
	return cur
}

// offer notes the day's doses the authority offered on date.
func (s *sim) offer(date string, doses data.Doses) {
	if s.offered[date] == nil {
		s.offered[date] = map[string]int{}
	}
	for _, d := range doses.All() {
		if d.Exercise.PerDay() {
			s.offered[date][d.Exercise.ID] = max(s.offered[date][d.Exercise.ID], d.Reps)
		}
	}
}

// session plans r now and runs it: to its end, to an End or "This hurts"
// partway, or until the tab is killed (it then waits to be resumed).
func (s *sim) session(r data.Routine) {
	cur := s.plan(r)
	s.run(cur, s.stamp(), s.id(), nil)
}

// run runs planned routine cur from start, as the record id; resumed is
// the checkpoint it carries on from, or nil.
func (s *sim) run(cur data.Routine, start data.Stamp, id string, resumed *data.Checkpoint) {
	s.log = append(s.log, fmt.Sprintf("%s %s %s: run %s", start.LocalDate, start.LocalTime, start.Zone, planItems(cur)))
	if len(cur.Items) == 0 {
		return
	}
	p, err := data.Compile(cur, s.cat, simTiming)
	if err != nil {
		panic(simFailure(fmt.Sprintf("the planned routine does not compile: %v", err)))
	}
	sess := data.NewSession(p, s.now)
	var painBefore *int
	if resumed != nil {
		sess, painBefore = data.RestoreSession(p, *resumed, s.now).Resume(s.now), resumed.PainBefore
	}
	from := sess.Elapsed(s.now)
	to := p.Total
	// 0 to 4 to the end, 5 to 7 End partway, 8 "This hurts", 9 killed;
	// a steady person mostly finishes.
	outcome := s.rng.IntN(10)
	if (s.temper == steady || s.temper == unrated) && s.rng.IntN(10) > 0 {
		outcome = 0
	}
	if outcome >= 5 {
		to = from + time.Duration(s.rng.Int64N(int64(p.Total-from)+1))
	}
	end := s.now.Add(to - from + time.Duration(s.rng.IntN(3))*time.Minute)
	if outcome == 9 {
		// The tab is killed: its checkpoint waits.
		ck := sess.Pause(end).Checkpoint(start, painBefore, end)
		ck.RecordID = id
		s.waiting = append(s.waiting, ck)
		s.changed = true
		s.now = end
		s.log = append(s.log, "  killed")
		return
	}
	rec := data.NewRecord(sess.Pause(end), start, end)
	rec.ID, rec.PainBefore = id, painBefore
	s.pain(&rec)
	if outcome == 8 {
		rec.Stopped = data.StoppedHurt
	}
	s.now = end
	s.keep(rec)
}

// keep stores rec as the player does: not a session without a hold done,
// unless it stopped because it hurt.
func (s *sim) keep(rec data.Record) {
	if !rec.Worked() && rec.Stopped != data.StoppedHurt {
		return
	}
	if err := rec.Validate(); err != nil {
		panic(simFailure(fmt.Sprintf("a record made is not valid: %v", err)))
	}
	s.history = slices.DeleteFunc(s.history, func(r data.Record) bool { return r.ID == rec.ID })
	s.history = append(s.history, rec)
	s.changed = true
	s.fresh[rec.ID] = true
	s.log = append(s.log, fmt.Sprintf("  kept %s %s–%s %v hurt=%v pain=%v→%v", rec.LocalDate, rec.Start.Format(time.RFC3339), rec.End.Format("15:04"),
		logsText(rec), rec.Stopped != "", score(rec.PainBefore), score(rec.PainAfter)))
}

// takeWaiting removes and returns a random waiting session with its plan.
func (s *sim) takeWaiting() (data.Checkpoint, data.Plan) {
	i := s.rng.IntN(len(s.waiting))
	ck := s.waiting[i]
	s.waiting = slices.Delete(s.waiting, i, i+1)
	s.changed = true
	p, err := data.Compile(ck.Routine, s.cat, ck.TimingOr(simTiming))
	if err != nil {
		panic(simFailure(fmt.Sprintf("a checkpoint does not compile: %v", err)))
	}
	return ck, p
}

// resume resumes a waiting session as the authority says: in place, or
// its partial kept and what remains planned as today's.
func (s *sim) resume() {
	s.now = s.now.Add(time.Duration(s.rng.IntN(30*60)) * time.Minute / 60)
	ck, p := s.takeWaiting()
	st := s.stamp()
	res := data.ResumeAt(ck, p, s.cat, s.view(), st)
	s.log = append(s.log, fmt.Sprintf("%s %s: resume the session of %s: %s", st.LocalDate, st.LocalTime, ck.LocalDate, res.Why))
	if res.InPlace {
		s.resumed[ck.RecordID] = resumedPart{before: res.Partial, at: s.now}
		s.run(ck.Routine, ck.Stamp(), ck.RecordID, &ck)
		return
	}
	s.keep(res.Partial)
	s.offer(st.LocalDate, res.Today.Doses)
	s.run(s.adjust(res.Today), st, s.id(), nil)
}

// saveAsPartial keeps a waiting session as it stood.
func (s *sim) saveAsPartial() {
	ck, p := s.takeWaiting()
	s.log = append(s.log, "save as partial the session of "+ck.LocalDate)
	s.keep(ck.Record(p))
}

// importBackup merges a backup made earlier into the history, as
// store.ImportRecords does: records already there are kept as they are.
func (s *sim) importBackup() {
	s.snapshots = append(s.snapshots, slices.Clone(s.history))
	b := s.snapshots[s.rng.IntN(len(s.snapshots))]
	for _, r := range b {
		if !slices.ContainsFunc(s.history, func(h data.Record) bool { return h.ID == r.ID }) {
			s.history = append(s.history, r)
		}
	}
	s.log = append(s.log, fmt.Sprintf("import a backup of %d sessions", len(b)))
}

// fly changes the zone, a flight of a few hours.
func (s *sim) fly() {
	s.now = s.now.Add(time.Duration(1+s.rng.IntN(14)) * time.Hour)
	s.zone = simZones[s.rng.IntN(len(simZones))]
	s.log = append(s.log, "fly to "+s.zone)
}

// jump moves the clock on: a phone asleep for minutes, a night, days.
func (s *sim) jump() {
	d := []time.Duration{time.Duration(1+s.rng.IntN(120)) * time.Minute, time.Duration(1+s.rng.IntN(12)) * time.Hour,
		time.Duration(1+s.rng.IntN(20)) * 24 * time.Hour}[s.rng.IntN(3)]
	s.now = s.now.Add(d)
	s.log = append(s.log, fmt.Sprintf("clock on %v", d))
}

// wait is the time between two sessions: the rest of a morning, a night.
func (s *sim) wait() {
	s.now = s.now.Add(time.Duration(2+s.rng.IntN(14)) * time.Hour)
}

// story is the log of the steps so far.
func (s *sim) story() string {
	from := max(len(s.log)-40, 0)
	out := ""
	for _, l := range s.log[from:] {
		out += l + "\n"
	}
	return out
}

// logsText says a record's logs as "bridge 3/5".
func logsText(r data.Record) string {
	out := ""
	for _, l := range r.Exercises {
		out += fmt.Sprintf("%s %d/%d ", l.Exercise, l.RepsDone, l.Reps)
	}
	return out
}

// score says an optional pain score.
func score(p *int) string {
	if p == nil {
		return "–"
	}
	return fmt.Sprint(*p)
}
