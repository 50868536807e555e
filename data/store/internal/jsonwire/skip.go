package jsonwire

// maxDepth is how deeply lists and objects may nest, as in encoding/json:
// deeper text is refused, by Valid as well.
const maxDepth = 10000

// Skip reads over one value of any kind, checking it as strictly as
// encoding/json's Valid does.
func (r *Reader) Skip() error {
	// open holds the lists and objects the value is inside, innermost
	// last: '[' or '{'.
	var small [16]byte
	open := small[:0]
	for {
		// A value.
		switch c := r.Peek(); {
		case c == '[' || c == '{':
			if r.depth+len(open) == maxDepth {
				return ErrSyntax
			}
			open = append(open, c)
			r.i++
			switch r.Peek() {
			case c + 2: // ']' or '}': empty
				r.i++
				open = open[:len(open)-1]
			case '"':
				if c == '{' {
					if err := r.key(); err != nil {
						return err
					}
				}
				continue
			default:
				if c == '{' {
					return ErrSyntax
				}
				continue
			}
		case c == '"':
			if _, _, err := r.stringAt(); err != nil {
				return err
			}
		case c == '-' || '0' <= c && c <= '9':
			if !r.number() {
				return ErrSyntax
			}
		default:
			if !r.literal() {
				return ErrSyntax
			}
		}
		// After a value: the next one, or the end of the lists and objects
		// it closes.
		for {
			if len(open) == 0 {
				return nil
			}
			last := open[len(open)-1]
			c := r.Peek()
			if c == last+2 {
				r.i++
				open = open[:len(open)-1]
				continue
			}
			if c != ',' {
				return ErrSyntax
			}
			r.i++
			if last == '{' {
				if r.Peek() != '"' {
					return ErrSyntax
				}
				if err := r.key(); err != nil {
					return err
				}
			}
			break
		}
	}
}

// key reads an object's key and the colon after it.
func (r *Reader) key() error {
	if _, _, err := r.stringAt(); err != nil {
		return err
	}
	if r.Peek() != ':' {
		return ErrSyntax
	}
	r.i++
	return nil
}

// number reads a number as JSON writes one: a minus sign or not, a whole
// part without leading zeros, then a fraction and an exponent or not.
func (r *Reader) number() bool {
	if r.at('-') {
		r.i++
	}
	switch {
	case r.at('0'):
		r.i++
	case r.i < len(r.b) && '1' <= r.b[r.i] && r.b[r.i] <= '9':
		r.digits()
	default:
		return false
	}
	if r.at('.') {
		r.i++
		if r.digits() == 0 {
			return false
		}
	}
	if r.at('e') || r.at('E') {
		r.i++
		if r.at('+') || r.at('-') {
			r.i++
		}
		if r.digits() == 0 {
			return false
		}
	}
	return true
}

// at reports whether the next byte is c, white space not skipped.
func (r *Reader) at(c byte) bool { return r.i < len(r.b) && r.b[r.i] == c }

// digits reads decimal digits and returns how many.
func (r *Reader) digits() int {
	start := r.i
	for r.i < len(r.b) && '0' <= r.b[r.i] && r.b[r.i] <= '9' {
		r.i++
	}
	return r.i - start
}

// literal reads true, false or null.
func (r *Reader) literal() bool {
	for _, w := range [...]string{"true", "false", "null"} {
		if len(r.b)-r.i >= len(w) && string(r.b[r.i:r.i+len(w)]) == w {
			r.i += len(w)
			return true
		}
	}
	return false
}
