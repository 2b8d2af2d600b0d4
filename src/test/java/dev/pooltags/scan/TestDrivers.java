package dev.pooltags.scan;

import dev.pooltags.pe.PeImage;
import dev.pooltags.pe.PeReader;
import dev.pooltags.tag.PoolTag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test drivers: their sources (src/test/drivers), the committed builds (src/test/resources/drivers/BUILD/),
 * the truth the sources carry in {@code @expect}/{@code @allow} comments, and each build's function addresses
 * ({@code DRIVER.symbols}, written by build.sh from a build with a symbol table).
 */
public final class TestDrivers {
    public static final Path SOURCES = Path.of("src/test/drivers");
    public static final Path BUILDS = Path.of("src/test/resources/drivers");
    public static final List<String> BUILD_NAMES = List.of("mingw-x86", "mingw-x64", "clang-x86", "clang-x64", "clang-arm64");
    public static final List<String> DRIVERS = List.of("poolalloc", "netvideo");

    private TestDrivers() {}

    /**
     * One annotated call in a driver's source.
     *
     * @param allow   true for {@code @allow} (may be reported with one of the tags), false for {@code @expect}
     * @param tags    the tag(s); empty with {@code unknown} or {@code untagged}
     * @param why     the reason class of an unknown tag (writable, parameter, computed), or null
     */
    public record Expectation(String driver, int line, String function, String routine, List<PoolTag> tags,
            boolean unknown, boolean untagged, String via, String why, boolean allow, String code) {
    }

    private static final Pattern ANNOTATION = Pattern.compile("@(expect|allow)\\s+([^*]*)\\*/");

    public static List<Expectation> expectations(String driver) {
        List<Expectation> out = new ArrayList<>();
        List<String> lines = read(SOURCES.resolve(driver + ".c"));
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ANNOTATION.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            String fn = null;
            String routine = null;
            String via = null;
            String why = null;
            List<PoolTag> tags = new ArrayList<>();
            boolean unknown = false;
            boolean untagged = false;
            for (String kv : m.group(2).trim().split("\\s+")) {
                int eq = kv.indexOf('=');
                String k = kv.substring(0, eq);
                String v = kv.substring(eq + 1);
                switch (k) {
                    case "fn" -> fn = v;
                    case "routine" -> routine = v;
                    case "via" -> via = v;
                    case "why" -> why = v;
                    case "tag" -> {
                        if (v.equals("?")) {
                            unknown = true;
                        } else if (v.equals("-")) {
                            untagged = true;
                        } else {
                            tags.add(PoolTag.parse(v));
                        }
                    }
                    default -> throw new IllegalArgumentException(driver + ".c:" + (i + 1) + ": unknown key " + k);
                }
            }
            // the code of the call, and the line before it (where a tag may be put in a variable)
            String code = (i > 0 ? lines.get(i - 1) + "\n" : "") + lines.get(i).substring(0, lines.get(i).indexOf("/*"));
            out.add(new Expectation(driver, i + 1, fn, routine, tags, unknown, untagged, via, why, m.group(1).equals("allow"),
                    code));
        }
        return out;
    }

    /** The read-only constants tags.c defines: name to the tag its character literal denotes. */
    public static Map<String, PoolTag> readOnlyConstants() {
        Map<String, PoolTag> out = new HashMap<>();
        Pattern p = Pattern.compile("const ULONG (\\w+) = '([^']+)';");
        for (String line : read(SOURCES.resolve("tags.c"))) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                out.put(m.group(1), PoolTag.ofCharLiteral(m.group(2)));
            }
        }
        return out;
    }

    /** Function name (undecorated) to RVA, from the build's symbols file. */
    public static Map<String, Integer> functions(Path build, String driver, PeImage image) {
        Map<String, Integer> out = new HashMap<>();
        for (String line : read(build.resolve(driver + ".symbols"))) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 2) {
                continue;
            }
            long va = Long.parseUnsignedLong(parts[0], 16);
            String name = parts[1];
            if (name.startsWith("_")) {
                name = name.substring(1);
            }
            int at = name.indexOf('@');
            if (at > 0) {
                name = name.substring(0, at);
            }
            out.putIfAbsent(name, (int) (va - image.imageBase()));
        }
        return out;
    }

    public static Path binary(Path build, String driver) {
        return build.resolve(driver + ".sys");
    }

    public static PeImage image(Path build, String driver) {
        return PeReader.read(binary(build, driver));
    }

    static List<String> read(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
