package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
)

// DoseWords are the words of the day's doses and of the pain advice, in
// one place so the app can be translated.
var DoseWords = struct {
	DailyTitle, NothingLeft, Hurt, HurtKey, HurtTitle, EaseOffHigh, Pause string
	HurtNow                                                               []string
}{
	DailyTitle:  "Once a day, counted across all of today's sessions",
	NothingLeft: "Nothing of this routine is left for today: the source article counts these exercises per day, and today's are done. Come back tomorrow.",
	Hurt:        "This hurts: stop",
	HurtKey:     "H",
	HurtTitle:   "You stopped because it hurt",
	HurtNow: []string{
		"Stop the exercises for now. Get into whatever position eases the pain most, such as lying on your back with your knees bent, or on your side.",
		"Breathe slowly and let the muscles settle. Once you can, get up slowly and move gently.",
		"Next time, start with fewer rounds and move more gently.",
		"If the pain is severe, keeps getting worse or comes with any of the warning signs below, get help as they say.",
	},
	EaseOffHigh: "Your pain is high after this session. Ease off: next time do fewer rounds, move more gently, and stop if it sharpens. If the pain is severe, keeps getting worse, or comes with any warning sign, see a healthcare professional.",
	Pause:       "Your pain has risen after 3 of your last 5 sessions. Pause these exercises and see a healthcare professional, such as your GP or a physiotherapist, before you carry on.",
}

// DailyDoses shows where the per-day exercises stand today: "Bridge: 5 of
// 10 today, 5 left".
func DailyDoses(id string, daily []data.DailyDose) app.UI {
	if len(daily) == 0 {
		return nil
	}
	return Elx("section.daily[aria-labelledby="+id+"-title]",
		Eltx("h2.daily-title", DoseWords.DailyTitle).ID(id+"-title"),
		Elx("ul.daily-list", app.Range(daily).Slice(func(i int) app.UI {
			d := daily[i]
			if d.Left() == 0 {
				return Elt("li.done", d.Text())
			}
			return Elt("li", d.Text())
		})).ID(id+"-list"),
	).ID(id)
}

// PainAdvice shows what the pain scores call for: the ease-off advice, or
// the advice to pause and see a professional.
func PainAdvice(a data.PainAdvice, risen bool) app.UI {
	switch a {
	case data.PainPause:
		return El("div#pain-pause.notice[role=status]",
			Elt("p", DoseWords.Pause),
			Elt("a[href=/safety]", Text.SeeSafety),
		)
	case data.PainEaseOff:
		words := Text.EaseOff
		if !risen {
			words = DoseWords.EaseOffHigh
		}
		return El("div#ease-off.notice[role=status]",
			Elt("p", words),
			Elt("a[href=/safety]", Text.SeeSafety),
		)
	}
	return nil
}

// HurtAdvice is what to do now, after a session stopped with "This hurts":
// the steps, then the signs that need help now or soon.
func HurtAdvice() app.UI {
	return El("section#hurt-advice.hurt-advice[aria-labelledby=hurt-title]",
		Elt("h2#hurt-title", DoseWords.HurtTitle),
		Bullets("hurt-now", DoseWords.HurtNow),
		RedFlags("hurt"),
	)
}
