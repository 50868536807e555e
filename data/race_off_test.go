//go:build !race

package data_test

const raceOn = false
