package io.github.partnerattribution.maven;

import io.github.partnerattribution.core.support.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code fill} changed where, read by {@code check}: for each filled copy, its source, and each placeholder's
 * line, column and length against its value's. Fill keeps every line (values are one line), so a position in the copy
 * maps to the same line of the source, its column shifted back over the values before it.
 */
final class FillMap {
    /** Where {@code fill} writes the map and {@code check} reads it, unless configured otherwise. */
    static final String DEFAULT_FILE = "${project.build.directory}/attribution/fill-map.txt";

    private static final FillMap EMPTY = new FillMap(new HashMap<Path, Filled>());

    private static final class Filled {
        final Path source;
        /** Per replacement: line, source column, source length, output length; in file order. */
        final List<int[]> replacements = new ArrayList<>();

        Filled(Path source) {
            this.source = source;
        }
    }

    private final Map<Path, Filled> byOutput;

    private FillMap(Map<Path, Filled> byOutput) {
        this.byOutput = byOutput;
    }

    /** The map fill wrote, or an empty one when there is none (no fill in this build). */
    static FillMap read(Path file) {
        List<String> lines;
        try {
            lines = new ArrayList<>(java.util.Arrays.asList(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                    .split("\n")));
        } catch (NoSuchFileException none) {
            return EMPTY;
        } catch (IOException e) {
            return EMPTY; // positions are then those of the copies, still right
        }
        Map<Path, Filled> out = new HashMap<>();
        Filled current = null;
        for (String line : lines) {
            String[] f = line.split("\t");
            try {
                if (f.length == 3 && f[0].equals("file")) {
                    current = new Filled(Paths.get(f[2]));
                    out.put(Paths.get(f[1]), current);
                } else if (f.length == 5 && f[0].equals("at") && current != null) {
                    current.replacements.add(new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                            Integer.parseInt(f[3]), Integer.parseInt(f[4])});
                }
            } catch (RuntimeException notOurs) {
                // a line that is not the map's: skipped
            }
        }
        return new FillMap(out);
    }

    /** A finding's place as Maven prints it, {@code file:[line,col]}: the source's when the file is a filled copy. */
    String where(String file, int line, int column) {
        Filled filled = byOutput.get(Paths.get(file).toAbsolutePath().normalize());
        if (filled == null) {
            return Text.printable(file) + ":[" + line + "," + column + "]";
        }
        int shift = 0;
        int sourceColumn = column;
        for (int[] r : filled.replacements) {
            if (r[0] != line) {
                continue;
            }
            int outputStart = r[1] + shift;
            if (column >= outputStart + r[3]) {
                shift += r[3] - r[2];
                sourceColumn = column - shift;
            } else if (column >= outputStart) {
                sourceColumn = r[1]; // inside a filled value: at its placeholder
                break;
            } else {
                break;
            }
        }
        return Text.printable(filled.source.toString()) + ":[" + line + "," + sourceColumn + "]";
    }
}
