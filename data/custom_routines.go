package data

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

// CustomIDPrefix starts the id of every routine the person makes.
const CustomIDPrefix = "custom-"

// QuoteName quotes a routine name for a message, shortened.
func QuoteName(name string) string { return "“" + Clip(name) + "”" }

// ValidateCustomRoutine checks a routine of the person's own: an id no
// built-in routine or exercise uses, a name of at most MaxNameRunes
// characters, one to MaxLogs exercises, each known and at a dose within its
// range. The message says what to change.
func ValidateCustomRoutine(r Routine) error {
	if strings.TrimSpace(r.Name) == "" {
		return errors.New("give the routine a name")
	}
	if len(r.Items) == 0 {
		return fmt.Errorf("add at least one exercise to %s", QuoteName(r.Name))
	}
	return CheckCustomRoutine(r)
}

// FindRoutineIn returns the routine with the given id among the built-in
// routines, the single-exercise routines of c and custom.
func FindRoutineIn(c Catalogue, custom []Routine, id string) (Routine, bool) {
	if r, ok := FindRoutine(c, id); ok {
		return r, true
	}
	for _, r := range custom {
		if r.ID == id {
			return r.Clone(), true
		}
	}
	return Routine{}, false
}

// NewCustomRoutine returns a new routine of the person's own with a fresh
// id (CustomIDPrefix and a uuid), the given name trimmed, and no exercises
// yet.
func NewCustomRoutine(name string) Routine {
	return Routine{ID: CustomIDPrefix + uuid.NewString(), Name: strings.TrimSpace(name), Items: []RoutineItem{}}
}

// IsCustom reports whether id names a routine the person made.
func IsCustom(id string) bool { return strings.HasPrefix(id, CustomIDPrefix) }

// DuplicateRoutine returns a copy of r, built-in or not, as a new routine of
// the person's own: a fresh id, the name followed by " (copy)", the same
// exercises and doses.
func DuplicateRoutine(r Routine) Routine {
	d := NewCustomRoutine(copyName(r.Name))
	d.Items = r.Clone().Items
	return d
}

// copyName is name with " (copy)" added, cut to fit MaxNameRunes.
func copyName(name string) string {
	const suffix = " (copy)"
	name = strings.TrimSpace(name)
	if room := MaxNameRunes - utf8.RuneCountInString(suffix); utf8.RuneCountInString(name) > room {
		name = strings.TrimSpace(string([]rune(name)[:room]))
	}
	return name + suffix
}

// Clone returns a copy of r that shares no memory with it.
func (r Routine) Clone() Routine {
	r.Items = slices.Clone(r.Items)
	if r.Items == nil {
		r.Items = []RoutineItem{}
	}
	return r
}

// AddItem returns r with the exercise added at the end, with no dose of its
// own: it runs at the exercise's default, or at the dose the session player
// suggests as the person builds up, until a dose is set with SetDose.
func (r Routine) AddItem(exercise string) Routine {
	r = r.Clone()
	r.Items = append(r.Items, RoutineItem{Exercise: exercise})
	return r
}

// RemoveItem returns r without its item i; an i out of range changes
// nothing.
func (r Routine) RemoveItem(i int) Routine {
	r = r.Clone()
	if i >= 0 && i < len(r.Items) {
		r.Items = slices.Delete(r.Items, i, i+1)
	}
	return r
}

// MoveItem returns r with its item i moved to position to (both counted
// from 0). Positions out of range change nothing.
func (r Routine) MoveItem(i, to int) Routine {
	r = r.Clone()
	if i < 0 || i >= len(r.Items) || to < 0 || to >= len(r.Items) || i == to {
		return r
	}
	it := r.Items[i]
	r.Items = slices.Insert(slices.Delete(r.Items, i, i+1), to, it)
	return r
}

// SetDose returns r with the repetitions and hold of item i set; 0 keeps the
// exercise's default. It does not check the dose: see RoutineItem.Resolve.
func (r Routine) SetDose(i, reps int, hold time.Duration) Routine {
	r = r.Clone()
	if i >= 0 && i < len(r.Items) {
		r.Items[i].Reps, r.Items[i].Hold = reps, hold
	}
	return r
}

// PutRoutine returns routines with r in place of the routine of the same id,
// or added at the end when there is none. routines is not changed.
func PutRoutine(routines []Routine, r Routine) []Routine {
	out := slices.Clone(routines)
	for i := range out {
		if out[i].ID == r.ID {
			out[i] = r.Clone()
			return out
		}
	}
	return append(out, r.Clone())
}

// DeleteRoutine returns routines without the routine of the given id.
// routines is not changed.
func DeleteRoutine(routines []Routine, id string) []Routine {
	return slices.DeleteFunc(slices.Clone(routines), func(r Routine) bool { return r.ID == id })
}

// CheckCustomRoutine checks a routine of the person's own as kept in
// storage or a backup: its id, which no built-in routine or exercise may
// use, the lengths of its texts, and its exercises and doses. Unlike ValidateCustomRoutine it lets a routine
// with no exercises yet pass, as stored routines may have none.
func CheckCustomRoutine(r Routine) error {
	if err := checkRoutine(r); err != nil {
		return err
	}
	if builtinIDs()[r.ID] {
		return fmt.Errorf("id %q is taken by a built-in routine or exercise", r.ID)
	}
	return nil
}

// builtinIDs holds the ids FindRoutine finds in the default catalogue (the
// built-in routines' and the exercises'), built on first use: each stored
// routine is checked against them whenever the routines are read. Building
// the catalogue for each routine's checks, twice, took half of reading
// them.
var builtinIDs = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, r := range BuiltinRoutines() {
		m[r.ID] = true
	}
	for _, e := range DefaultCatalogue() {
		m[e.ID] = true
	}
	return m
})

// checkRoutine checks a routine kept in storage or a backup: its id, the
// lengths of its texts and its doses.
func checkRoutine(r Routine) error {
	if err := checkID("routine", r.ID); err != nil {
		return err
	}
	if err := checkText("routine name", r.Name, MaxNameRunes, true, false); err != nil {
		return err
	}
	if err := checkText("routine summary", r.Summary, MaxNoteRunes, false, false); err != nil {
		return err
	}
	if len(r.Items) > MaxLogs {
		return fmt.Errorf("routine has %d exercises, at most %d", len(r.Items), MaxLogs)
	}
	for i, it := range r.Items {
		if !isKnownExercise(it.Exercise) {
			return fmt.Errorf("routine exercise %d: %q is not an exercise Unknot knows", i+1, Clip(it.Exercise))
		}
	}
	return r.Validate(checkedAgainst())
}

// checkedAgainst is the default catalogue that checkRoutine checks the
// doses against, built once and only read: every stored routine is checked
// whenever the routines are read.
var checkedAgainst = sync.OnceValue(DefaultCatalogue)
