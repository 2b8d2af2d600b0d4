package dev.pooltags.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pooltags.event.PoolEvent;
import dev.pooltags.event.PoolFlags;
import dev.pooltags.pool.BugCheck;
import dev.pooltags.pool.Violation;
import dev.pooltags.replay.LifetimeClass;
import dev.pooltags.replay.TraceAnalysis;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import dev.pooltags.trace.TraceProblem;
import dev.pooltags.trace.TraceTime;
import java.io.PrintWriter;
import dev.pooltags.source.TerminalText;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@code pooltags trace} results. The JSON layout is stable:
 * {@code {"files":[{file, format, info, complete, events, skipped, time, violations:{count, byRule, listed},
 * leaks, outstanding:{count, bytes, groups}, lifetimes, problems:{count, byKind, listed}, drivers, tags}]}}.
 */
public final class TraceReport {
    /** Outstanding groups shown in text (all are in JSON). */
    public static final int TEXT_GROUPS = 20;

    private TraceReport() {}

    /** The formats of {@code pooltags trace}: text (the default, terminal-safe) and json. */
    public static final Renderers<List<TraceAnalysis>> RENDERERS = Renderers.<List<TraceAnalysis>>of("text",
            (out, files) -> text(TerminalText.writer(out), files)).and("json", TraceReport::json);

    public static void text(PrintWriter out, List<TraceAnalysis> files) {
        boolean first = true;
        for (TraceAnalysis a : files) {
            if (!first) {
                out.println();
            }
            first = false;
            text(out, a);
        }
        out.flush();
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static void text(PrintWriter out, TraceAnalysis a) {
        StringBuilder head = new StringBuilder("== " + a.file() + ": " + a.format());
        if (a.complete()) {
            head.append(", complete (starts from an empty pool)");
        }
        if (!a.info().isEmpty()) {
            head.append(" (");
            boolean f = true;
            for (Map.Entry<String, String> e : a.info().entrySet()) {
                if (e.getKey().equals("version") || e.getKey().equals("complete")) {
                    continue;
                }
                head.append(f ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
                f = false;
            }
            head.append(')');
        }
        out.println(head.toString().replace(" ()", ""));
        TraceAnalysis.Counts c = a.counts();
        out.println("events: " + n(c.events()) + " (" + n(c.allocations()) + " allocations, " + n(c.frees()) + " frees, " + n(c.unloads())
                + " unloads, " + n(c.accesses()) + " accesses, " + n(c.settings()) + " verifier settings)");
        if (!a.skipped().isEmpty()) {
            StringBuilder sb = new StringBuilder("skipped other events:");
            a.skipped().forEach((k, v) -> sb.append(' ').append(k).append(' ').append(n(v)).append(','));
            sb.setLength(sb.length() - 1);
            out.println(sb);
        }
        if (a.firstTime() >= 0) {
            out.println("time: " + TraceTime.format(a.firstTime()) + " to " + TraceTime.format(a.lastTime()) + " ("
                    + TraceTime.human(a.lastTime() - a.firstTime()) + ")");
        } else {
            out.println("time: not recorded (ages are unknown)");
        }

        textViolations(out, a);

        textLeaksAndOutstanding(out, a);

        out.println();
        out.println("input problems: " + n(a.problemCount()) + counts(a.problemsByKind()));
        for (TraceProblem p : a.problems()) {
            out.println("  " + a.file() + ":" + p.line() + ": " + p.message());
        }
        if (a.problemCount() > a.problems().size()) {
            out.println("  ... and " + n(a.problemCount() - a.problems().size()) + " more (raise --max-listed to list them)");
        }
    }

    private static void textViolations(PrintWriter out, TraceAnalysis a) {
        out.println();
        out.println("violations: " + n(a.violationCount()) + counts(a.violationsByRule()));
        for (Violation v : a.violations()) {
            PoolEvent e = v.event();
            BugCheck bc = v.bugCheck();
            out.println("  line " + e.line() + "  " + TraceTime.format(e.time()) + "  " + (bc != null ? bc.shortText() + "  " : "")
                    + v.rule().id() + " (" + v.severity().word() + ")");
            out.println("      " + v.message());
            if (bc != null) {
                out.println("      " + bc.text() + ": " + bc.meaning());
            } else if (v.callFails()) {
                out.println("      the call fails (returns NULL); the machine does not stop");
            }
            out.println("      event: " + describe(e));
        }
        if (a.violationCount() > a.violations().size()) {
            out.println("  ... and " + n(a.violationCount() - a.violations().size()) + " more (raise --max-listed to list them)");
        }
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        for (Violation v : a.violations()) {
            if (seen.add(v.rule().id())) {
                if (seen.size() == 1) {
                    out.println("  rules:");
                }
                out.println("    " + v.rule().id() + ": " + v.rule().title() + ". " + v.rule().help());
                out.println("      source: " + v.rule().source());
            }
        }
    }

    private static void textLeaksAndOutstanding(PrintWriter out, TraceAnalysis a) {
        out.println();
        out.println("leak suspects: " + a.leaks().size());
        for (TraceAnalysis.LeakSuspect s : a.leaks()) {
            out.println("  " + TextTable.tagCell(s.tag().toString()) + "  " + type(s.type()) + "  " + who(s.caller(), s.driver()) + ": "
                    + n(s.count()) + " allocations, " + n(s.bytes()) + " bytes"
                    + (s.first() >= 0 ? ", allocated " + TraceTime.format(s.first()) + " to " + TraceTime.format(s.last()) : "")
                    + (s.perMinute() > 0 ? String.format(Locale.ROOT, ", growing %.1f allocations/min", s.perMinute()) : ""));
            out.println("      " + s.reason());
        }

        out.println();
        out.println("outstanding at the end: " + n(a.outstandingCount()) + " allocations, " + n(a.outstandingBytes()) + " bytes requested"
                + (a.outstanding().isEmpty() ? "" : ", in " + n(a.outstanding().size()) + " groups")
                + (a.bigPool().allocations() == 0 ? "" : "; " + n(a.bigPool().allocations()) + " of a page or more (big pool, "
                        + n(a.bigPool().bytes()) + " bytes)"));
        if (!a.outstanding().isEmpty()) {
            TextTable t = new TextTable("  Tag", "Type", ">Count", ">Bytes", ">Charged", ">Oldest age", ">Newest age", "Caller");
            int shown = 0;
            for (TraceAnalysis.OutstandingGroup g : a.outstanding()) {
                if (shown++ == TEXT_GROUPS) {
                    break;
                }
                t.row("  " + TextTable.tagCell(g.tag().toString()), type(g.type()), n(g.count()), n(g.bytes()), n(g.charged()),
                        age(a, g.oldest()), age(a, g.newest()), who(g.caller(), g.driver()));
            }
            t.print(out, true);
            if (a.outstanding().size() > TEXT_GROUPS) {
                out.println("  ... and " + n(a.outstanding().size() - TEXT_GROUPS) + " more groups (all are in --format json)");
            }
        }

        if (a.lifetimes() != null) {
            TraceAnalysis.Lifetimes l = a.lifetimes();
            out.println();
            out.println("lifetimes in the window " + TraceTime.format(l.from()) + " to " + (l.to() < 0 ? "the end" : TraceTime.format(l.to()))
                    + " (WPA's classes):");
            TextTable t = new TextTable("  Class", "", ">Allocations", ">Bytes", "");
            for (LifetimeClass lc : LifetimeClass.values()) {
                t.row("  " + lc.name(), lc.description(), n(l.counts().get(lc)), n(l.bytes().get(lc)), lc.meaning());
            }
            t.print(out, false);
        }

        if (!a.drivers().isEmpty()) {
            out.println();
            out.println("drivers:");
            for (TraceAnalysis.DriverSummary d : a.drivers()) {
                out.println("  " + d.name() + (d.verifierOptions().isEmpty() ? "" : "  verified: " + String.join(", ", d.verifierOptions()))
                        + (d.unloaded() ? "  unloaded" : "") + "  outstanding " + n(d.outstanding()));
            }
        }
    }

    private static String counts(Map<String, Long> byKey) {
        if (byKey.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (");
        byKey.forEach((k, v) -> sb.append(k).append(' ').append(n(v)).append(", "));
        sb.setLength(sb.length() - 2);
        return sb.append(')').toString();
    }

    private static String type(PoolType t) {
        return t == null ? "?" : t.poolmonName();
    }

    private static String who(String caller, String driver) {
        if (caller.isEmpty() && driver.isEmpty()) {
            return "(caller not recorded)";
        }
        if (caller.isEmpty()) {
            return driver;
        }
        if (driver.isEmpty() || caller.toLowerCase(Locale.ROOT).startsWith(stripExt(driver).toLowerCase(Locale.ROOT))) {
            return caller;
        }
        return caller + " (" + driver + ")";
    }

    private static String stripExt(String driver) {
        int dot = driver.lastIndexOf('.');
        return dot > 0 ? driver.substring(0, dot) : driver;
    }

    private static String age(TraceAnalysis a, long allocated) {
        if (allocated < 0 || a.lastTime() < 0) {
            return "-";
        }
        return TraceTime.human(a.lastTime() - allocated);
    }

    /** One event in words: {@code free ExFreePoolWithTag tag 'Tmb2' at 0xFFFF... by tagmix.sys}. */
    public static String describe(PoolEvent e) {
        StringBuilder sb = new StringBuilder();
        if (e instanceof PoolEvent.Alloc a) {
            sb.append("alloc ").append(a.routine().routineName());
            if (a.poolType() != null) {
                sb.append(' ').append(a.poolType().windowsName());
            }
            if (a.routine().takesPoolFlags()) {
                sb.append(' ').append(PoolFlags.describe(a.poolFlags()));
            }
            sb.append(" tag ").append(a.tag() == null ? "(default)" : "'" + a.tag() + "'").append(' ').append(a.size()).append(" bytes");
            sb.append(String.format(" -> 0x%X", a.address()));
            by(sb, a.driver(), a.caller());
        } else if (e instanceof PoolEvent.Free f) {
            sb.append("free ").append(f.routine().routineName());
            if (f.tag() != null) {
                sb.append(" tag '").append(f.tag()).append('\'');
            }
            sb.append(String.format(" 0x%X", f.address()));
            by(sb, f.driver(), f.caller());
        } else if (e instanceof PoolEvent.Unload u) {
            sb.append("unload ").append(u.driver());
        } else if (e instanceof PoolEvent.Access x) {
            sb.append(x.write() ? "write " : "read ").append(x.length()).append(" bytes at offset ").append(x.offset())
                    .append(String.format(" of 0x%X", x.address()));
            by(sb, x.driver(), x.caller());
        } else if (e instanceof PoolEvent.VerifyDriver v) {
            sb.append("verify ").append(v.driver()).append(' ').append(v.options());
        } else if (e instanceof PoolEvent.SpecialPoolTag s) {
            sb.append("special pool for tags ").append(s.pattern().text());
        }
        return sb.toString();
    }

    private static void by(StringBuilder sb, String driver, String caller) {
        if (!driver.isEmpty() || !caller.isEmpty()) {
            sb.append(" by ").append(who(caller, driver));
        }
    }

    public static void json(PrintWriter out, List<TraceAnalysis> files) {
        ObjectNode root = Json.object();
        ArrayNode arr = root.putArray("files");
        for (TraceAnalysis a : files) {
            arr.add(json(a));
        }
        Json.write(out, root);
    }

    private static ObjectNode json(TraceAnalysis a) {
        ObjectNode o = Json.object();
        o.put("file", a.file());
        o.put("format", a.format());
        ObjectNode info = o.putObject("info");
        a.info().forEach(info::put);
        o.put("complete", a.complete());
        TraceAnalysis.Counts c = a.counts();
        o.putObject("events").put("total", c.events()).put("allocations", c.allocations()).put("frees", c.frees())
                .put("unloads", c.unloads()).put("accesses", c.accesses()).put("settings", c.settings());
        ObjectNode sk = o.putObject("skipped");
        a.skipped().forEach(sk::put);
        ObjectNode time = o.putObject("time");
        if (a.firstTime() >= 0) {
            time.put("firstMicros", a.firstTime()).put("lastMicros", a.lastTime());
        }
        jsonViolations(o, a);
        ArrayNode leaks = o.putArray("leaks");
        for (TraceAnalysis.LeakSuspect s : a.leaks()) {
            ObjectNode j = leaks.addObject();
            tagFields(j, s.tag(), s.type());
            j.put("caller", s.caller()).put("driver", s.driver()).put("count", s.count()).put("bytes", s.bytes());
            j.put("firstMicros", s.first()).put("lastMicros", s.last());
            j.put("perMinute", Math.round(s.perMinute() * 10) / 10.0);
            j.put("reason", s.reason());
        }
        ObjectNode os = o.putObject("outstanding");
        os.put("count", a.outstandingCount()).put("bytes", a.outstandingBytes());
        os.putObject("bigPool").put("allocations", a.bigPool().allocations()).put("bytes", a.bigPool().bytes());
        ArrayNode groups = os.putArray("groups");
        for (TraceAnalysis.OutstandingGroup g : a.outstanding()) {
            ObjectNode j = groups.addObject();
            tagFields(j, g.tag(), g.type());
            j.put("caller", g.caller()).put("driver", g.driver()).put("count", g.count()).put("bytes", g.bytes()).put("charged", g.charged());
            j.put("oldestMicros", g.oldest()).put("newestMicros", g.newest());
        }
        if (a.lifetimes() != null) {
            TraceAnalysis.Lifetimes l = a.lifetimes();
            ObjectNode lj = o.putObject("lifetimes");
            lj.put("fromMicros", l.from()).put("toMicros", l.to());
            for (LifetimeClass lc : LifetimeClass.values()) {
                lj.putObject(lc.name()).put("allocations", l.counts().get(lc)).put("bytes", l.bytes().get(lc));
            }
        } else {
            o.putNull("lifetimes");
        }
        Json.<TraceProblem>objects(tally(o, "problems", a.problemCount(), "byKind", a.problemsByKind()), "listed", a.problems(),
                (j, p) -> j.put("line", p.line()).put("kind", p.kind()).put("message", p.message()));
        ArrayNode drivers = o.putArray("drivers");
        for (TraceAnalysis.DriverSummary d : a.drivers()) {
            ObjectNode j = drivers.addObject();
            j.put("name", d.name());
            ArrayNode opts = j.putArray("verifier");
            d.verifierOptions().forEach(opts::add);
            j.put("outstanding", d.outstanding()).put("unloaded", d.unloaded());
        }
        ArrayNode tags = o.putArray("tags");
        for (TagCounters r : a.tags()) {
            tags.addObject().put("tag", r.tag().toString()).put("type", r.type().poolmonName()).put("allocs", r.allocs())
                    .put("frees", r.frees()).put("bytes", r.bytes());
        }
        return o;
    }

    private static void jsonViolations(ObjectNode o, TraceAnalysis a) {
        Json.<Violation>objects(tally(o, "violations", a.violationCount(), "byRule", a.violationsByRule()), "listed",
                a.violations(), (j, v) -> {
            j.put("line", v.event().line());
            j.put("timeMicros", v.event().time());
            j.put("rule", v.rule().id());
            j.put("severity", v.severity().word());
            BugCheck bc = v.bugCheck();
            if (bc != null) {
                ObjectNode b = j.putObject("bugCheck");
                b.put("code", bc.code().hex());
                b.put("name", bc.code().name());
                ArrayNode p = b.putArray("parameters");
                for (long x : new long[] {bc.p1(), bc.p2(), bc.p3(), bc.p4()}) {
                    p.add(String.format("0x%X", x));
                }
                b.put("meaning", bc.meaning());
                b.put("reference", bc.code().reference());
            } else {
                j.putNull("bugCheck");
            }
            j.put("callFails", v.callFails());
            j.put("message", v.message());
            j.set("event", event(v.event()));
            j.put("source", v.rule().source());
        });
    }

    /**
     * How problems and violations are counted: {@code name: {count, <byName>: {key: n, ...}}}, to which the caller
     * adds the ones listed in full.
     */
    private static ObjectNode tally(ObjectNode o, String name, long count, String byName, java.util.Map<String, Long> by) {
        ObjectNode t = o.putObject(name);
        t.put("count", count);
        ObjectNode byKey = t.putObject(byName);
        by.forEach(byKey::put);
        return t;
    }

    private static void tagFields(ObjectNode j, PoolTag tag, PoolType type) {
        j.put("tag", tag.toString());
        j.put("value", tag.hexText());
        if (type == null) {
            j.putNull("type");
        } else {
            j.put("type", type.poolmonName());
        }
    }

    private static ObjectNode event(PoolEvent e) {
        ObjectNode j = Json.object();
        j.put("text", describe(e));
        if (e instanceof PoolEvent.Alloc a) {
            j.put("kind", "alloc").put("routine", a.routine().routineName()).put("size", a.size())
                    .put("address", String.format("0x%X", a.address()));
            if (a.tag() != null) {
                j.put("tag", a.tag().toString());
            }
        } else if (e instanceof PoolEvent.Free f) {
            j.put("kind", "free").put("routine", f.routine().routineName()).put("address", String.format("0x%X", f.address()));
            if (f.tag() != null) {
                j.put("tag", f.tag().toString());
            }
        } else if (e instanceof PoolEvent.Unload u) {
            j.put("kind", "unload").put("driver", u.driver());
        } else if (e instanceof PoolEvent.Access x) {
            j.put("kind", "access").put("address", String.format("0x%X", x.address())).put("offset", x.offset()).put("length", x.length())
                    .put("write", x.write());
        } else {
            j.put("kind", "setting");
        }
        return j;
    }
}
