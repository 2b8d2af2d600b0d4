package dev.pooltags.dump;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A fleet's dumps grouped as a support team triages them: by bug check and suspect driver, with how many, the first
 * and last crash and the builds they came from. Pure.
 *
 * @param groups     the groups, most dumps first
 * @param unreadable files that are not kernel dumps or could not be read
 * @param dumps      how many dumps were read
 */
public record FleetTriage(List<Group> groups, List<Unreadable> unreadable, int dumps) {
    /** A file that could not be read, and why. */
    public record Unreadable(String file, String why) {}

    /**
     * Dumps with the same bug check and suspect.
     *
     * @param bugCheck the code
     * @param name     its documented name
     * @param origin   crash, deliberate, live or capture
     * @param suspect  the suspect driver's name, or "-" when the evidence names none
     * @param evidence the strength of the evidence ("code address", "data address", "stack", or "")
     * @param count    how many dumps
     * @param first    the earliest crash time, or null when none is recorded
     * @param last     the latest
     * @param builds   the Windows builds
     * @param files    the files
     */
    public record Group(long bugCheck, String name, String origin, String suspect, String evidence, int count, Instant first,
                        Instant last, List<Integer> builds, List<String> files) {}

    public static FleetTriage of(List<DumpInspection> dumps, List<Unreadable> unreadable) {
        Map<String, List<DumpInspection>> by = new LinkedHashMap<>();
        for (DumpInspection d : dumps) {
            CrashAnalysis.Result r = d.crash();
            String suspect = r.suspect() == null ? "-" : r.suspect().driver().name();
            by.computeIfAbsent(d.dump().bugCheck() + "|" + suspect, k -> new ArrayList<>()).add(d);
        }
        List<Group> groups = new ArrayList<>();
        for (List<DumpInspection> g : by.values()) {
            CrashAnalysis.Result r = g.get(0).crash();
            Instant first = null;
            Instant last = null;
            TreeSet<Integer> builds = new TreeSet<>();
            List<String> files = new ArrayList<>();
            for (DumpInspection d : g) {
                Instant t = d.dump().systemTime();
                if (t != null) {
                    first = first == null || t.isBefore(first) ? t : first;
                    last = last == null || t.isAfter(last) ? t : last;
                }
                builds.add(d.dump().build());
                files.add(d.dump().file());
            }
            groups.add(new Group(g.get(0).dump().bugCheck(), r.name(), r.origin().name().toLowerCase(java.util.Locale.ROOT),
                    r.suspect() == null ? "-" : r.suspect().driver().name(), r.suspect() == null ? "" : r.suspect().strength(),
                    g.size(), first, last, List.copyOf(builds), List.copyOf(files)));
        }
        groups.sort(Comparator.comparingInt(Group::count).reversed().thenComparing(Group::bugCheck));
        return new FleetTriage(List.copyOf(groups), List.copyOf(unreadable), dumps.size());
    }
}
