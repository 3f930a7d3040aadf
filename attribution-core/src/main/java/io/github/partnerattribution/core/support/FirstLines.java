package io.github.partnerattribution.core.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The first lines a JVM-wide record is given, each once, at most a fixed number of them, in the order first added:
 * bounded whatever a long-running service does, and safe from any thread. Not API.
 */
public final class FirstLines {
    private final int max;
    /** Guarded by itself. */
    private final List<String> lines = new ArrayList<String>();

    /** A record that keeps at most {@code max} lines. */
    public FirstLines(int max) {
        this.max = max;
    }

    /** Keeps {@code line} unless it is kept already or the record is full. */
    public void add(String line) {
        synchronized (lines) {
            if (lines.size() < max && !lines.contains(line)) {
                lines.add(line);
            }
        }
    }

    /** {@return the lines kept so far, a copy} */
    public List<String> all() {
        synchronized (lines) {
            return Collections.unmodifiableList(new ArrayList<String>(lines));
        }
    }

    /** Forgets every line. */
    public void clear() {
        synchronized (lines) {
            lines.clear();
        }
    }
}
