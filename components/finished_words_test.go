package components

import (
	"testing"
)

func TestOneIsSingular(t *testing.T) {
	if got := roundsDone(0, 1); got != "0 of 1 round" {
		t.Errorf("roundsDone(0, 1) = %q", got)
	}
	if got := roundsDone(2, 5); got != "2 of 5 rounds" {
		t.Errorf("roundsDone(2, 5) = %q", got)
	}
}
