package graph

// A mentioned_with edge's record (c/A/B, A < B) holds its weight and its
// first and last dates; every date is a key ct/A/B/DATE. These read them.

// datedEdge reads the edge between a and b (either order) into c, with
// all its dates, and reports whether it exists and has a date inside dr.
func datedEdge(w *keyWalker, a, b string, dr dateRange, c *cooc) (bool, error) {
	if b < a {
		a, b = b, a
	}
	found, err := getJSON(w.txn, kCooc(a, b), c)
	if err != nil || !found {
		return false, err
	}
	c.Dates = nil
	prefix := coocDatePrefix(a, b)
	err = w.walk(pCoocDate, prefix, func(k []byte) (bool, error) {
		c.Dates = append(c.Dates, string(k[len(prefix):]))
		return true, nil
	})
	return err == nil && dr.overlaps(c.Dates), err
}

// edgeInWindow reports whether the edge between a and b (either order)
// has a date inside dr, reading only the date keys from the window's
// start on. Every edge is inside an open window.
func edgeInWindow(w *keyWalker, a, b string, dr dateRange) (bool, error) {
	if !dr.any() {
		return true, nil
	}
	if b < a {
		a, b = b, a
	}
	prefix := coocDatePrefix(a, b)
	end := dr.scanEnd()
	in := false
	err := w.seekWalk(pCoocDate, prefix, prefix+dr.scanStart(), func(k []byte) (bool, error) {
		d := string(k[len(prefix):])
		if d > end {
			return false, nil
		}
		in = dr.contains(d)
		return !in, nil
	})
	return in, err
}
