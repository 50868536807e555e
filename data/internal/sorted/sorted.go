// Package sorted sorts slices of structs through pointers to their
// elements.
//
// slices.SortFunc is compiled once per element shape: on each struct type it
// brings its own copy of the sort into app.wasm, about 20 KB of code each.
// Pointers all share one shape, so every sort done here shares one copy.
package sorted

import "slices"

// Func sorts s in place by cmp, which compares two elements by pointer.
// Like slices.SortFunc, it is not stable: cmp should tell every two
// elements apart.
func Func[T any](s []T, cmp func(a, b *T) int) {
	if len(s) < 2 {
		return
	}
	ps := make([]*T, len(s))
	for i := range s {
		ps[i] = &s[i]
	}
	if slices.IsSortedFunc(ps, cmp) {
		return
	}
	slices.SortFunc(ps, cmp)
	out := make([]T, len(s))
	for i, p := range ps {
		out[i] = *p
	}
	copy(s, out)
}
