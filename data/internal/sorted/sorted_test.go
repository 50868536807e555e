package sorted

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

type item struct {
	key  int
	name string
}

func TestFuncSortsLikeSlices(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	byKey := func(a, b *item) int { return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.name, b.name)) }
	for n := range 60 {
		s := make([]item, n)
		for i := range s {
			s[i] = item{rng.IntN(10), string(rune('a' + rng.IntN(26)))}
		}
		want := slices.Clone(s)
		slices.SortFunc(want, func(a, b item) int { return byKey(&a, &b) })
		Func(s, byKey)
		if !slices.Equal(s, want) {
			t.Fatalf("%d items: got %v, want %v", n, s, want)
		}
	}
}
