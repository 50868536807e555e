package components

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
)

// painScale is the one-tap 0–10 pain question: eleven buttons in a group,
// the chosen one pressed. Tapping the chosen one again clears the answer,
// since the question is optional.
func painScale(id, question string, chosen *int, pick func(ctx app.Context, v *int)) app.UI {
	return elx("div.pain[role=group]",
		eltx("p.pain-question", question).ID(id+"-q"),
		el("div.pain-scale", app.Range(make([]struct{}, data.MaxPain+1)).Slice(func(n int) app.UI {
			on := chosen != nil && *chosen == n
			return eltx("button.pain-button", n).ID(id+"-"+strconv.Itoa(n)).
				Aria("pressed", on).Aria("label", fmt.Sprintf(text.PainLabel, n)).OnClick(func(ctx app.Context, e app.Event) {
				if on {
					pick(ctx, nil)
					return
				}
				pick(ctx, data.PainScore(n))
			})
		})),
		el("p.pain-ends.muted.small", elt("span", text.PainNone), elt("span", text.PainWorst)),
	).ID(id).Aria("labelledby", id+"-q")
}
