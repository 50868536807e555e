package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
)

// DailyDoses shows where the per-day exercises stand today: "Bridge: 5 of
// 10 today, 5 left".
func DailyDoses(id string, daily []data.DailyDose) app.UI {
	if len(daily) == 0 {
		return nil
	}
	return Elx("section.daily[aria-labelledby="+id+"-title]",
		Eltx("h2.daily-title", Text.DailyTitle).ID(id+"-title"),
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
			Elt("p", Text.Pause),
			Elt("a[href=/safety]", Text.SeeSafety),
		)
	case data.PainEaseOff:
		words := Text.EaseOff
		if !risen {
			words = Text.EaseOffHigh
		}
		return El("div#ease-off.notice[role=status]",
			Elt("p", words),
			Elt("a[href=/safety]", Text.SeeSafety),
		)
	}
	return nil
}

// HurtAdvice is what to do now, after a session stopped with "This hurts":
// the steps, the signs that need help now or soon, and when to see a
// healthcare professional.
func HurtAdvice() app.UI {
	return El("section#hurt-advice.hurt-advice[aria-labelledby=hurt-title]",
		Elt("h2#hurt-title", Text.HurtTitle),
		Bullets("hurt-now", Text.HurtNow),
		RedFlags("hurt"),
		Elt("h3#hurt-professional-title", Text.ProfessionalTitle),
		Bullets("hurt-professional", Text.Professional),
	)
}
