//go:build goexperiment.jsonv2 || unknot_xjsontext

package store

func init() { codecs = append(codecs, codec{"jsontext", decodeWireText}) }
