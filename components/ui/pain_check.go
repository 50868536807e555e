package ui

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/webapi"
	"unknot/data"
)

// PainScale is the one-tap 0–10 pain question: a radio group of eleven
// buttons, one Tab stop (the chosen score, or 0), the arrow keys, Home and
// End moving the choice inside it as in any radio group. Tapping the chosen
// one again clears the answer, since the question is optional.
func PainScale(id, question string, chosen *int, pick func(ctx app.Context, v *int)) app.UI {
	stop := 0 // the score that takes the Tab stop
	if chosen != nil {
		stop = *chosen
	}
	return Elx("div.pain",
		Eltx("p.pain-question", question).ID(id+"-q"),
		Elx("div.pain-scale[role=radiogroup]", app.Range(make([]struct{}, data.MaxPain+1)).Slice(func(n int) app.UI {
			on := chosen != nil && *chosen == n
			tab := -1
			if n == stop {
				tab = 0
			}
			return Eltx("button.pain-button[type=button][role=radio]", n).ID(id+"-"+strconv.Itoa(n)).
				Aria("checked", on).Aria("label", fmt.Sprintf(Text.PainLabel, n)).TabIndex(tab).
				OnClick(func(ctx app.Context, e app.Event) {
					if on {
						pick(ctx, nil)
						return
					}
					pick(ctx, data.PainScore(n))
				}).
				OnKeyDown(func(ctx app.Context, e app.Event) { painKey(ctx, e, id, n, pick) })
		})).Aria("labelledby", id+"-q"),
		El("p.pain-ends.muted.small", Elt("span", Text.PainNone), Elt("span", Text.PainWorst)),
	).ID(id)
}

// painKey moves the choice from score n with the arrow keys, Home and End,
// and the focus with it.
func painKey(ctx app.Context, e app.Event, id string, n int, pick func(ctx app.Context, v *int)) {
	to := n
	switch e.Get("key").String() {
	case "ArrowRight", "ArrowDown":
		to = min(n+1, data.MaxPain)
	case "ArrowLeft", "ArrowUp":
		to = max(n-1, 0)
	case "Home":
		to = 0
	case "End":
		to = data.MaxPain
	default:
		return
	}
	e.PreventDefault()
	e.Call("stopPropagation") // the player's own arrow keys stay out of it
	pick(ctx, data.PainScore(to))
	ctx.Defer(func(ctx app.Context) {
		defer webapi.Guard()
		if el := app.Window().GetElementByID(id + "-" + strconv.Itoa(to)); el.Truthy() {
			el.Call("focus")
		}
	})
}
