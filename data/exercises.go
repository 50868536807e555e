package data

import "time"

// Exercise ids, for code that needs to name one.
const (
	KneeToChest = "knee-to-chest"
	Rotation    = "lower-back-rotation"
	Flexibility = "lower-back-flexibility"
	Bridge      = "bridge"
	CatStretch  = "cat-stretch"
)

// twiceDaily is the article's rhythm for the stretches: one morning and one
// evening session.
var twiceDaily = Frequency{TimesPerDay: 2, Text: "Twice a day: once in the morning, once in the evening."}

const lyingStart = "Lie on your back on a mat or carpet, knees bent, feet flat on the floor."

// DefaultCatalogue returns the five exercises of the source article. Every
// number in it comes from the article except where Hold.Chosen is set.
func DefaultCatalogue() Catalogue {
	return Catalogue{
		{
			ID:        KneeToChest,
			Name:      "Knee-to-chest stretch",
			Summary:   "Hug one knee, then the other, then both, to ease the lower back and hips.",
			StartPose: "supine",
			Start:     lyingStart,
			Steps: []string{
				"Lie on your back with your knees bent and your feet flat.",
				"Take hold of one knee with both hands and draw it gently toward your chest.",
				"While you hold, tighten your stomach muscles and press your spine into the floor.",
				"Keep the position for about 5 seconds.",
				"Lower that leg back to the start and do the same with the other leg.",
				"Once each leg has had its turn, bring both knees up to your chest together.",
				"Do each of these stretches 2 to 3 times.",
			},
			Feel:        "A gentle stretch through the lower back, buttocks and hips.",
			Hold:        Hold{Default: 5 * time.Second, Min: 5 * time.Second, Max: 5 * time.Second},
			Reps:        Range{Min: 2, Max: 3},
			DefaultReps: 2,
			RepsText:    "times each: left knee, right knee, both knees",
			Sides:       SidesEachThenBoth,
			Phases: []Phase{{
				Pose:     "knee-{side}",
				Do:       "Gently pull your {side} knee to your chest. Tighten your stomach and press your back down.",
				Cue:      "Your {side} knee to your chest.",
				BothCue:  "Both knees to your chest.",
				BothPose: "knees-both",
				Both:     "Gently pull both knees to your chest. Tighten your stomach and press your back down.",
				// The knee stays bent: the foot goes back down.
				Release:     "Lower your foot back to the floor.",
				BothRelease: "Lower both feet back to the floor.",
				Into:        2 * time.Second,
				Out:         2 * time.Second,
			}},
			Frequency: twiceDaily,
			Caution:   "Pull gently with your hands; never yank the knee. Stop if the pain sharpens.",
		},
		{
			ID:        Rotation,
			Name:      "Lower-back rotational stretch",
			Summary:   "Let your bent knees roll to one side, then the other, to loosen the spine.",
			StartPose: "supine",
			Start:     lyingStart,
			Steps: []string{
				"Lie on your back with your knees bent and your feet flat.",
				"Keep both shoulders flat on the floor the whole time.",
				"Let your knees, held together, roll slowly to one side, only as far as feels comfortable.",
				"Stay there for 5 to 10 seconds and feel the stretch in your lower back.",
				"Bring your knees back up to the middle, feet flat again.",
				"Roll your knees the other way and hold again.",
				"Do the stretch 2 to 3 times on each side.",
			},
			Feel:        "A mild stretch across the lower back and the side of the hip.",
			Hold:        Hold{Default: 5 * time.Second, Min: 5 * time.Second, Max: 10 * time.Second}, // the default is where a new person's level starts
			Reps:        Range{Min: 2, Max: 3},
			DefaultReps: 2,
			RepsText:    "times on each side",
			Sides:       SidesEach,
			Phases: []Phase{{
				Pose:    "rotate-{side}",
				Do:      "Slowly roll your knees to the {side}, as far as is comfortable. Keep your shoulders down.",
				Cue:     "Knees to the {side}.",
				Release: "Slowly bring your knees back to the middle.",
				Into:    3 * time.Second,
				Out:     3 * time.Second,
			}},
			Frequency: twiceDaily,
			Caution:   "Move slowly and only as far as is comfortable; your shoulders stay on the floor.",
		},
		{
			ID:        Flexibility,
			Name:      "Lower-back flexibility exercise",
			Summary:   "Tilt your lower back up a little, then press it flat, to build core control.",
			StartPose: "supine",
			Start:     lyingStart,
			Steps: []string{
				"Lie on your back with your knees bent and your feet flat.",
				"Tense your stomach muscles so that your lower back rises a little off the floor.",
				"Keep it there for about 5 seconds, then let go and let your back settle.",
				"Now press your lower back flat by drawing your belly button down toward the floor.",
				"Keep it there for about 5 seconds, then relax again.",
				"Keep alternating: lift, relax, flatten, relax.",
				"Begin with 5 repetitions a day and build up slowly toward 30.",
			},
			Feel:        "Your stomach muscles working and a small, easy movement in the lower back.",
			Hold:        Hold{Default: 5 * time.Second, Min: 5 * time.Second, Max: 5 * time.Second},
			Reps:        Range{Min: 5, Max: 30},
			DefaultReps: 5,
			RepsText:    "rounds a day",
			Sides:       SidesNone,
			Phases: []Phase{
				{Pose: "back-arch", Do: "Tighten your stomach and let your lower back lift slightly.", Cue: "Lower back up, a little.",
					Release: "Let your back settle.", Into: 2 * time.Second, Out: time.Second},
				{Pose: "back-flat", Do: "Gently press your lower back flat, belly button toward the floor.", Cue: "Back flat to the floor.",
					Release: "Let your stomach go.", Into: 2 * time.Second, Out: time.Second},
			},
			Frequency:   Frequency{TimesPerDay: 1, Text: "Counted per day, across all your sessions that day: in whichever routine you do first."},
			Progression: &Progression{Start: 5, Target: 30, Text: "Start with 5 rounds a day and work up to 30 over time."},
			Caution:     "Small movements only; keep breathing throughout.",
		},
		{
			ID:        Bridge,
			Name:      "Bridge",
			Summary:   "Lift your hips into a straight line and hold for three deep breaths.",
			StartPose: "supine",
			Start:     lyingStart,
			Steps: []string{
				"Lie on your back with your knees bent and your feet flat.",
				"Let your head and shoulders rest on the floor and stay relaxed.",
				"Tense your stomach and your buttocks.",
				"Raise your hips until your knees, hips and shoulders make one straight line.",
				"Stay up for three deep breaths: in, and out, three times.",
				"Lower your hips slowly back down to the floor.",
				"Begin with 5 repetitions a day and build up slowly toward 30.",
			},
			Feel:        "Your buttocks and the backs of your thighs working, not your neck.",
			Hold:        Hold{Default: 18 * time.Second, Min: 18 * time.Second, Max: 18 * time.Second, Breaths: 3},
			Reps:        Range{Min: 5, Max: 30},
			DefaultReps: 5,
			RepsText:    "rounds a day",
			Sides:       SidesNone,
			Phases: []Phase{{
				Pose:    "bridge",
				Do:      "Tighten your stomach and buttocks, and lift your hips into a straight line.",
				Cue:     "Hips up.",
				Release: "Slowly lower your hips to the floor.",
				Into:    3 * time.Second,
				Out:     3 * time.Second,
			}},
			Frequency:   Frequency{TimesPerDay: 1, Text: "Counted per day, across all your sessions that day: in whichever routine you do first."},
			Progression: &Progression{Start: 5, Target: 30, Text: "Start with 5 rounds a day and work up to 30 over time."},
			Note:        "The hold is three deep breaths; Unknot paces each one at 3 seconds in and 3 seconds out.",
			Caution:     "Lift only as high as keeps the line straight; do not arch the lower back.",
		},
		{
			ID:        CatStretch,
			Name:      "Cat stretch",
			Summary:   "On hands and knees, arch your back up, then let it sag, to mobilise the spine.",
			StartPose: "all-fours",
			Start:     "Kneel on your hands and knees: hands under your shoulders, knees under your hips.",
			Steps: []string{
				"Get onto your hands and knees.",
				"Line up your hands under your shoulders and your knees under your hips.",
				"Slowly arch your back up toward the ceiling, as if drawing your belly up, and hold it there.",
				"Then let your back and belly sink gently toward the floor as you lift your head.",
				"Come back to a flat, neutral back.",
				"Do this 3 to 5 times.",
			},
			Feel:        "The whole spine moving, one way and then the other, without strain.",
			Hold:        Hold{Default: 5 * time.Second, Min: 5 * time.Second, Max: 10 * time.Second, Chosen: true},
			Reps:        Range{Min: 3, Max: 5},
			DefaultReps: 3,
			RepsText:    "times",
			Sides:       SidesNone,
			Phases: []Phase{
				{Pose: "cat-arch", Do: "Slowly arch your back up toward the ceiling.", Cue: "Back up.", Release: "Come back to a flat back.",
					Into: 2 * time.Second, Out: 2 * time.Second},
				{Pose: "cat-sag", Do: "Slowly let your belly sink and lift your head.", Cue: "Belly down, head up.", Release: "Come back to a flat back.",
					Into: 2 * time.Second, Out: 2 * time.Second},
			},
			Frequency: twiceDaily,
			Note:      "The source article gives no hold time for the cat stretch; Unknot holds each position for 5 seconds, and in a routine of your own you can choose up to 10.",
			Caution:   "Move slowly and within a comfortable range; kneel on something soft.",
		},
	}
}
