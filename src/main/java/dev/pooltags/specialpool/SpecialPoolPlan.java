package dev.pooltags.specialpool;

import dev.pooltags.tag.PoolTag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to run on a target machine to put one pool tag (or one allocation size) in special pool, following Microsoft's
 * GFlags and Driver Verifier pages. The facts it honours, each from the page named:
 * <ul>
 *   <li>GFlags sets the special-pool request at run time ({@code gflags /k +spp TAG}, effective at once, lost at restart)
 *       or in the registry ({@code gflags /r +spp TAG}, effective after a restart), on Windows Vista and later; earlier
 *       versions only have the dialog's System Registry tab ({@link DocPage#EXAMPLE_14}, {@link DocPage#SPECIAL_POOL});</li>
 *   <li>the registry value is {@code PoolTag} (REG_DWORD) under
 *       {@code HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Memory Management}, the tag's characters with the
 *       leftmost in the lowest byte ({@code Tag1} is 0x31676154); {@code PoolTagOverruns} in the same key is 1 for
 *       Verify End (overruns, the default) and 0 for Verify Start (underruns) ({@link DocPage#GFLAGS_DETAILS},
 *       {@link DocPage#OVERRUNS});</li>
 *   <li>only one pool tag can be associated with special pool at a time ({@link DocPage#BY_POOL_TAG});</li>
 *   <li>a value below PAGE_SIZE (0x1000) is taken as an allocation size range, and also as a tag of that value; the
 *       size value is the largest size of a range plus the granularity (16 bytes on x64, 8 on x86)
 *       ({@link DocPage#SPECIAL_POOL});</li>
 *   <li>Driver Verifier's special pool is flag 0x1 (pool tracking 0x8), for a driver, after a restart or at once with
 *       {@code /volatile}; GFlags cannot cancel what Driver Verifier set ({@link DocPage#DV_SPECIAL_POOL},
 *       {@link DocPage#VERIFIER_COMMAND_LINE}, {@link DocPage#CANCELING}).</li>
 * </ul>
 *
 * @param value     the value GFlags writes ({@code PoolTag})
 * @param tag       the tag, when a tag (not a size) was asked for
 * @param pattern   the pattern as typed, when it has wildcards
 * @param sizeRange the sizes covered (first, last), when a size was asked for or the tag's value is below PAGE_SIZE
 * @param underruns true for Verify Start (PoolTagOverruns 0)
 * @param driver    the driver to verify, when one was named
 * @param steps     the steps, in order
 * @param notes     what to know (one tag system-wide, several tags per driver, ...)
 */
public record SpecialPoolPlan(long value, Optional<PoolTag> tag, Optional<String> pattern, Optional<long[]> sizeRange, boolean underruns,
        Optional<String> driver, List<Step> steps, List<Note> notes) {

    /** The key GFlags' special-pool values live in. */
    public static final String KEY = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Memory Management";
    /** The same key as reg.exe takes it. */
    public static final String REG_KEY = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Memory Management";
    public static final String POOL_TAG = "PoolTag";
    public static final String POOL_TAG_OVERRUNS = "PoolTagOverruns";
    /** PAGE_SIZE on x86, x64 and ARM64: values below it are sizes. */
    public static final long PAGE_SIZE = 0x1000;
    /** Driver Verifier's special pool flag. */
    public static final int DV_SPECIAL_POOL = 0x1;
    /** Driver Verifier's pool tracking flag. */
    public static final int DV_POOL_TRACKING = 0x8;

    public SpecialPoolPlan {
        Objects.requireNonNull(tag);
        Objects.requireNonNull(pattern);
        Objects.requireNonNull(sizeRange);
        Objects.requireNonNull(driver);
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    /**
     * A step.
     *
     * @param section   which part of the set-up it belongs to ({@code gflags}, {@code registry}, {@code older}, {@code verifier}, {@code off})
     * @param when      when it takes effect ({@code at once, until the next restart}, ...)
     * @param command   what to run or do
     * @param what      what it does
     * @param page      the page it follows
     */
    public record Step(String section, String when, String command, String what, DocPage page) {}

    /**
     * Something to know, with the page that says it.
     *
     * @param text what
     * @param page where Microsoft says it
     */
    public record Note(String text, DocPage page) {}

    /** The pages the plan follows, in order of first use. */
    public Set<DocPage> pages() {
        Set<DocPage> out = EnumSet.noneOf(DocPage.class);
        steps.forEach(s -> out.add(s.page()));
        notes.forEach(n -> out.add(n.page()));
        return out;
    }

    /** {@code 0x61646D61}. */
    public String valueText() {
        return String.format(Locale.ROOT, "0x%X", value);
    }

    /** Special pool for a tag (or a pattern with {@code ?} and {@code *} as GFlags accepts it). */
    public static SpecialPoolPlan forTag(String typed, boolean underruns, Optional<String> driver, boolean x86) {
        Optional<PoolTag> tag = Optional.empty();
        Optional<String> pattern = Optional.empty();
        long value;
        String text;
        if (typed.indexOf('*') >= 0 || typed.indexOf('?') >= 0) {
            if (typed.length() > 4) {
                throw new IllegalArgumentException("'" + typed + "' has " + typed.length() + " characters; GFlags takes a four-character "
                        + "pattern such as Fat* or Av?4");
            }
            for (char c : typed.toCharArray()) {
                if (c < 0x20 || c > 0x7E) {
                    throw new IllegalArgumentException("'" + typed + "': a pattern is typed as ASCII characters");
                }
            }
            pattern = Optional.of(typed);
            long v = 0;
            for (int i = typed.length() - 1; i >= 0; i--) {
                v = v << 8 | typed.charAt(i); // the leftmost character in the lowest byte, as GFlags converts text
            }
            value = v;
            text = typed;
        } else {
            PoolTag t = PoolTag.parse(typed).unprotected();
            tag = Optional.of(t);
            value = t.value() & 0xFFFFFFFFL;
            text = t.isPrintable() && t.memoryText().indexOf(' ') < 0 ? t.memoryText() : null;
        }
        Optional<long[]> sizes = value < PAGE_SIZE ? Optional.of(range(value, x86)) : Optional.empty();
        return build(value, tag, pattern, sizes, text, underruns, driver, x86);
    }

    /** Special pool for allocations of {@code bytes} (and the others of its range). */
    public static SpecialPoolPlan forSize(long bytes, boolean underruns, Optional<String> driver, boolean x86) {
        long g = x86 ? 8 : 16;
        long last = (bytes + g - 1) / g * g;
        long value = last + g;
        if (bytes < 1 || value >= PAGE_SIZE) {
            throw new IllegalArgumentException("special pool by size covers allocations of 1 to 0x" + Long.toHexString(PAGE_SIZE - 2 * g)
                    + " bytes (" + (x86 ? "x86" : "x64") + "), not " + bytes);
        }
        return build(value, Optional.empty(), Optional.empty(), Optional.of(range(value, x86)), "0x" + Long.toHexString(value).toUpperCase(Locale.ROOT),
                underruns, driver, x86);
    }

    /** The sizes a value below PAGE_SIZE covers: (value - 2g + 1) to (value - g). */
    static long[] range(long value, boolean x86) {
        long g = x86 ? 8 : 16;
        long last = value - g;
        return new long[] {Math.max(1, last - g + 1), Math.max(0, last)};
    }

    private static SpecialPoolPlan build(long value, Optional<PoolTag> tag, Optional<String> pattern, Optional<long[]> sizes, String gflagsText,
            boolean underruns, Optional<String> driver, boolean x86) {
        String hex = String.format(Locale.ROOT, "0x%X", value);
        String what = tag.map(t -> "allocations with the tag " + t.memoryText().strip() + (t.memoryText().endsWith(" ") ? " (with its trailing spaces)" : ""))
                .or(() -> pattern.map(p -> "allocations whose tag matches " + p))
                .orElseGet(() -> "allocations of " + sizes.get()[0] + " to " + sizes.get()[1] + " bytes");
        List<Step> steps = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        String overruns = underruns ? "0" : "1";
        if (gflagsText != null) {
            steps.add(new Step("gflags", "at once, until the next restart", "gflags /k +spp " + gflagsText,
                    "special pool for " + what + " (a kernel flag setting); GFlags prints \"Special Pool set to " + hex + "\"", DocPage.EXAMPLE_14));
            steps.add(new Step("gflags", "after the next restart, until changed", "gflags /r +spp " + gflagsText,
                    "the same, stored in the registry value below", DocPage.EXAMPLE_14));
        } else {
            notes.add(new Note("the tag has spaces or bytes that are not printable: type all four characters exactly in GFlags, or set the "
                    + "registry value below, which is exact", DocPage.BY_POOL_TAG));
        }
        steps.add(new Step("registry", "after the next restart, until changed", "reg add \"" + REG_KEY + "\" /v " + POOL_TAG
                + " /t REG_DWORD /d " + hex + " /f", "the value gflags /r +spp writes: " + POOL_TAG + " = " + hex, DocPage.GFLAGS_DETAILS));
        steps.add(new Step("registry", "after the next restart, until changed", "reg add \"" + REG_KEY + "\" /v " + POOL_TAG_OVERRUNS
                + " /t REG_DWORD /d " + overruns + " /f", underruns ? "Verify Start: underruns are caught (0)" : "Verify End: overruns are caught "
                + "(1, the default)", DocPage.GFLAGS_DETAILS));
        steps.add(new Step("registry", "", "shutdown /r /t 0", "restart: registry settings take effect at boot", DocPage.EXAMPLE_14));
        steps.add(new Step("registry", "", "reg query \"" + REG_KEY + "\" /v " + POOL_TAG, "check: PoolTag REG_DWORD " + hex, DocPage.EXAMPLE_14));
        steps.add(new Step("older", "after the next restart", "GFlags dialog (gflags.exe), System Registry tab, Kernel Special Pool Tag: "
                + (gflagsText != null && value >= PAGE_SIZE ? "Text " + gflagsText : "Hex " + Long.toHexString(value)) + ", "
                + (underruns ? "Verify Start" : "Verify End") + ", Apply, restart",
                "Windows XP and Server 2003 have no +spp on the command line; the System Registry tab (or the .reg file of "
                        + "--format reg) sets the same values", DocPage.BY_POOL_TAG));
        driver.ifPresent(d -> {
            steps.add(new Step("verifier", "after the next restart", "verifier /flags 0x" + Integer.toHexString(DV_SPECIAL_POOL | DV_POOL_TRACKING)
                    + " /driver " + d, "Driver Verifier: special pool (0x1) for every allocation of " + d + ", pool tracking (0x8) so "
                    + "!verifier 3 " + d + " lists what it still holds", DocPage.DV_SPECIAL_POOL));
            steps.add(new Step("verifier", "at once, until the next restart", "verifier /volatile /flags 0x1 /adddriver " + d,
                    "special pool for the driver without a restart", DocPage.DV_SPECIAL_POOL));
            steps.add(new Step("verifier", "", "verifier /querysettings", "check the settings that take effect at the next boot",
                    DocPage.VERIFIER_COMMAND_LINE));
        });
        steps.add(new Step("off", "at once", "gflags /k -spp", "cancels the run-time request; GFlags prints \"Special Pool value has been deleted.\"",
                DocPage.EXAMPLE_14));
        steps.add(new Step("off", "after the next restart", "gflags /r -spp", "cancels the registry request (or: reg delete \"" + REG_KEY
                + "\" /v " + POOL_TAG + " /f)", DocPage.EXAMPLE_14));
        driver.ifPresent(d -> steps.add(new Step("off", "after the next restart", "verifier /reset",
                "turns Driver Verifier off; GFlags cannot cancel special pool that Driver Verifier requested", DocPage.CANCELING)));
        notes.add(new Note("only one pool tag (or one allocation size) is in effect on a machine at a time: this replaces any earlier request",
                DocPage.BY_POOL_TAG));
        if (tag.isPresent() && value < PAGE_SIZE) {
            long[] r = sizes.get();
            notes.add(new Note("the value " + hex + " is below PAGE_SIZE (0x1000): Windows takes it as a size too, so allocations of " + r[0]
                    + " to " + r[1] + " bytes go to special pool as well as those with the tag", DocPage.SPECIAL_POOL));
        }
        if (pattern.isPresent() && pattern.get().equals("*")) {
            notes.add(new Note("'*' (0x2A) puts every allocation on the system in special pool", DocPage.SPECIAL_POOL));
        }
        if (tag.isEmpty() && pattern.isEmpty()) {
            notes.add(new Note("by size, special pool takes every allocation of those sizes whoever makes it; Microsoft calls it rarely useful "
                    + "for finding a driver's error (" + (x86 ? "x86: 8-byte ranges" : "x64: 16-byte ranges") + ")", DocPage.SPECIAL_POOL));
        }
        notes.add(new Note("each special-pool allocation takes a page of memory and two pages of address space; when special pool runs out, "
                + "allocations quietly come from normal pool. A driver that uses several tags can be tested one tag at a time, which keeps "
                + "special pool from running out: Microsoft's advice for a driver suspected of consuming all of it", DocPage.SPECIAL_POOL));
        notes.add(new Note((underruns ? "Verify Start" : "Verify End") + " applies to every special-pool allocation, Driver Verifier's included; "
                + "overruns are far more common, hence the default", DocPage.OVERRUNS));
        return new SpecialPoolPlan(value, tag, pattern, sizes, underruns, driver, steps, notes);
    }
}
