package dev.pooltags.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.pe.PeImage;
import dev.pooltags.tag.PoolTag;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scan against the truth in the test drivers' sources, for every build (mingw and clang, x86, x64, ARM64):
 * every call with a constant tag is found with that tag, in the right function, through the right wrapper; every
 * unknown or untagged call is reported as such; nothing else is reported, and never a wrong tag.
 */
class DriverManifestTest {
    static Stream<Arguments> builds() {
        List<Arguments> out = new ArrayList<>();
        for (String b : TestDrivers.BUILD_NAMES) {
            for (String d : TestDrivers.DRIVERS) {
                out.add(Arguments.of(b, d));
            }
        }
        return out.stream();
    }

    @Test
    void annotationsAgreeWithTheLiteralsInTheCode() {
        Map<String, PoolTag> constants = TestDrivers.readOnlyConstants();
        Pattern literal = Pattern.compile("'([^']{1,4})'");
        int checked = 0;
        for (String d : TestDrivers.DRIVERS) {
            for (TestDrivers.Expectation e : TestDrivers.expectations(d)) {
                if (e.tags().isEmpty() || e.allow()) {
                    continue;
                }
                // the literal in the call, else a constant from tags.c named in it, else a literal on the line before
                PoolTag fromCode = null;
                String call = e.code().substring(e.code().indexOf('\n') + 1);
                for (Map.Entry<String, PoolTag> c : constants.entrySet()) {
                    if (call.matches("(?s).*\\b" + c.getKey() + "\\b.*")) {
                        fromCode = c.getValue();
                    }
                }
                Matcher m = literal.matcher(call);
                if (m.find() || fromCode == null && (m = literal.matcher(e.code())).find()) {
                    fromCode = PoolTag.ofCharLiteral(m.group(1));
                    if (call.contains("PROTECTED_POOL")) {
                        fromCode = PoolTag.ofValue(fromCode.value() | PoolTag.PROTECTED_BIT);
                    }
                }
                assertThat(fromCode).as(d + ".c:" + e.line() + " " + e.code().trim()).isEqualTo(e.tags().get(0));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(30);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("builds")
    void everyAnnotatedCallIsFoundAsTheSourceSays(String build, String driver) {
        check(TestDrivers.BUILDS.resolve(build), driver);
    }

    /** Checks one built driver against its source's annotations (also used on fresh builds). */
    static void check(Path build, String driver) {
        PeImage image = TestDrivers.image(build, driver);
        Map<String, Integer> fns = TestDrivers.functions(build, driver, image);
        List<TagUse> uses = ImageScanner.scan(image).uses();
        List<TestDrivers.Expectation> expected = TestDrivers.expectations(driver);
        String where = build.getFileName() + "/" + driver;
        for (TestDrivers.Expectation e : expected) {
            assertThat(fns).as(where + ": function " + e.function()).containsKey(e.function());
            if (e.via() != null) {
                assertThat(fns).as(where + ": wrapper " + e.via()).containsKey(e.via());
            }
        }
        for (TestDrivers.Expectation e : expected) {
            if (e.allow()) {
                continue;
            }
            int fn = fns.get(e.function());
            int via = e.via() == null ? -1 : fns.get(e.via());
            List<TagUse> at = uses.stream().filter(u -> u.function() == fn && u.via() == via
                    && u.routine().routineName().equals(e.routine())).toList();
            String what = where + ": " + driver + ".c:" + e.line() + " " + e.routine() + " in " + e.function()
                    + (e.via() != null ? " via " + e.via() : "") + " (found " + at + ")";
            if (e.untagged()) {
                assertThat(at).as(what).anyMatch(u -> u.status() == TagUse.Status.UNTAGGED);
            } else if (e.unknown()) {
                assertThat(at).as(what).anyMatch(u -> u.status() == TagUse.Status.UNKNOWN && reasonFits(e.why(), u.reason()));
            } else {
                assertThat(at).as(what).anyMatch(u -> u.status() == TagUse.Status.TAG && u.tag().equals(e.tags().get(0)));
            }
        }
        // nothing reported that the source does not have: above all, no wrong tag
        for (TagUse u : uses) {
            boolean explained = expected.stream().anyMatch(e -> fns.get(e.function()) == u.function()
                    && (e.via() == null ? u.via() == -1 : fns.get(e.via()) == u.via())
                    && e.routine().equals(u.routine().routineName())
                    && switch (u.status()) {
                        case TAG -> e.tags().contains(u.tag());
                        case UNKNOWN -> e.unknown() || e.allow();
                        case UNTAGGED -> e.untagged();
                    });
            assertThat(explained).as(where + ": reported " + u + " which no annotation explains").isTrue();
        }
    }

    private static boolean reasonFits(String why, String reason) {
        if (why == null) {
            return true;
        }
        return switch (why) {
            case "writable" -> reason.startsWith("writable data at 0x");
            case "parameter" -> reason.contains("of a wrapper");
            case "computed" -> !reason.startsWith("writable") && !reason.contains("wrapper");
            default -> throw new IllegalArgumentException("unknown why=" + why);
        };
    }
}
