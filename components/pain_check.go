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
	return el("div").ID(id).Class("pain").Attr("role", "group").Aria("labelledby", id+"-q").Body(
		el("p").ID(id+"-q").Class("pain-question").Text(question),
		el("div").Class("pain-scale").Body(app.Range(make([]struct{}, data.MaxPain+1)).Slice(func(n int) app.UI {
			on := chosen != nil && *chosen == n
			return el("button").ID(id+"-"+strconv.Itoa(n)).Class("pain-button").
				Aria("pressed", on).Aria("label", fmt.Sprintf(text.PainLabel, n)).
				Text(n).OnClick(func(ctx app.Context, e app.Event) {
				if on {
					pick(ctx, nil)
					return
				}
				pick(ctx, data.PainScore(n))
			})
		})),
		el("p").Class("pain-ends muted small").Body(el("span").Text(text.PainNone), el("span").Text(text.PainWorst)),
	)
}
