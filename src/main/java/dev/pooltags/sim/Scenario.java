package dev.pooltags.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pooltags.event.AllocRoutine;
import dev.pooltags.event.FreeRoutine;
import dev.pooltags.event.PoolFlags;
import dev.pooltags.event.SpecialAlignment;
import dev.pooltags.event.VerifierOption;
import dev.pooltags.event.WindowsPoolType;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.TagPattern;
import dev.pooltags.trace.TraceTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A workload described declaratively: drivers and their verifier settings, per-tag workloads (allocation rate, size
 * and lifetime distributions, a leak fraction, lookaside-style caches that fill then plateau, bursts, long-lived
 * allocations made at start, frees with the wrong tag, special-pool overruns) and scripted events (a driver
 * unloading). Written as JSON:
 *
 * <pre>{"name": "leak-slow", "title": "a slow leak under noise", "duration": "10m", "interval": "5s",
 *  "verifier": [{"driver": "vdisk.sys", "options": ["pool-tracking"]}],
 *  "workloads": [
 *   {"tag": "Irp ", "driver": "ntoskrnl.exe", "caller": "nt!IopAllocateIrpPrivate", "routine": "ExAllocatePoolWithTag",
 *    "pool": "NonPagedPoolNx", "rate": 40, "size": "208|304|400", "lifetime": "exp 30ms",
 *    "burst": {"every": "90s", "for": "10s", "factor": 4}},
 *   {"tag": "NfRx", "driver": "netfilt.sys", "rate": 60, "size": "600..1500", "lifetime": "exp 300ms", "leak": 0.012},
 *   {"tag": "FlCa", "driver": "fsflt.sys", "pool": "PagedPool", "size": 256, "cache": {"capacity": 3000, "fill": "90s", "churn": 2}},
 *   {"tag": "VdCx", "driver": "vdisk.sys", "initial": 12, "size": 512, "freeOnUnload": false}],
 *  "events": [{"at": "4m", "unload": "vdisk.sys"}]}</pre>
 *
 * Workload fields: {@code tag} (memory order, required), {@code driver}, {@code caller}, {@code routine} (an allocation
 * routine's name, default ExAllocatePoolWithTag), {@code pool} (POOL_TYPE name) or {@code flags} (POOL_FLAGS, for
 * ExAllocatePool2/3), {@code size}, {@code lifetime} ({@link Distribution}), {@code rate} (allocations per second),
 * {@code leak} (share never freed), {@code initial} (allocations at start, never freed), {@code cache},
 * {@code burst}, {@code freeRoutine}, {@code freeTag} and {@code freeTagShare} (frees that pass another tag),
 * {@code freeOnUnload} (default true), {@code overrun} ({@code {"every": "45s", "bytes": 1}}: a write just past a
 * live block), {@code counterStart} (the tag's allocation and free counters start there, as on a machine up for long).
 */
public record Scenario(String name, String title, String description, long duration, long interval, long seed,
        List<Verified> verifier, List<TagPattern> specialPoolTags, SpecialAlignment alignment, List<Workload> workloads,
        List<Scripted> events) {

    /** A driver verified from the start. */
    public record Verified(String driver, Set<VerifierOption> options) {
    }

    /** A cache that fills to {@code capacity} over {@code fill}, then replaces {@code churn} entries a second. */
    public record Cache(int capacity, long fill, double churn) {
    }

    /** Every {@code every}, for {@code length}, the rate is multiplied by {@code factor}. */
    public record Burst(long every, long length, double factor) {
    }

    /** Every {@code every}, a write of {@code bytes} just past the end of a live block. */
    public record Overrun(long every, int bytes) {
    }

    /** One tag's workload. */
    public record Workload(PoolTag tag, String driver, String caller, AllocRoutine routine, WindowsPoolType pool, long flags,
            double rate, Distribution size, Distribution lifetime, double leak, int initial, Cache cache, Burst burst,
            FreeRoutine freeRoutine, PoolTag freeTag, double freeTagShare, boolean freeOnUnload, Overrun overrun, long counterStart) {
    }

    /** Something that happens at a time: a driver unloads. */
    public record Scripted(long at, String unload) {
    }

    /**
     * The scenario's drivers as a tag file, one entry per tag ({@code TAG - driver - the function that allocates}): what
     * PoolMon's {@code /g} shows as Mapped_Driver, known here because the scenario says which driver allocates each tag.
     * A tag two workloads share is listed once, with the first workload's driver.
     */
    public String tagFileText() {
        StringBuilder sb = new StringBuilder("// the drivers of the simulated scenario " + name + "\n");
        java.util.Set<PoolTag> seen = new java.util.HashSet<>();
        for (Workload w : workloads) {
            if (w.driver().isEmpty() || !seen.add(w.tag())) {
                continue;
            }
            String what = w.caller().isEmpty() ? "simulated" : w.caller();
            sb.append(w.tag().memoryText()).append(" - ").append(w.driver()).append(" - ").append(what).append('\n');
        }
        return sb.toString();
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Reads a scenario.
     *
     * @param where names the source in errors
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public static Scenario parse(String where, String json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(where + ": a scenario is a JSON object");
        }
        try {
            return read(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static Scenario read(JsonNode n) {
        String name = text(n, "name", null);
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("\"name\" must be lower-case letters, digits and dashes");
        }
        long duration = TraceTime.parseMicros(text(n, "duration", "10m"));
        long interval = TraceTime.parseMicros(text(n, "interval", "5s"));
        if (interval <= 0 || duration <= 0) {
            throw new IllegalArgumentException("\"duration\" and \"interval\" must be positive");
        }
        List<Verified> verified = new ArrayList<>();
        for (JsonNode v : n.path("verifier")) {
            Set<VerifierOption> opts = EnumSet.noneOf(VerifierOption.class);
            for (JsonNode o : v.path("options")) {
                opts.add(VerifierOption.parse(o.asText()));
            }
            verified.add(new Verified(required(v, "driver"), opts));
        }
        List<TagPattern> special = new ArrayList<>();
        for (JsonNode p : n.path("specialPoolTags")) {
            special.add(TagPattern.parse(p.asText()));
        }
        List<Workload> workloads = new ArrayList<>();
        int i = 0;
        for (JsonNode w : n.path("workloads")) {
            i++;
            try {
                workloads.add(workload(w));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("workload " + i + (w.has("tag") ? " (" + w.get("tag").asText() + ")" : "") + ": "
                        + e.getMessage());
            }
        }
        if (workloads.isEmpty()) {
            throw new IllegalArgumentException("no \"workloads\"");
        }
        List<Scripted> events = new ArrayList<>();
        for (JsonNode e : n.path("events")) {
            events.add(new Scripted(TraceTime.parseMicros(required(e, "at")), required(e, "unload")));
        }
        return new Scenario(name, text(n, "title", name), text(n, "description", ""), duration, interval, n.path("seed").asLong(1),
                List.copyOf(verified), List.copyOf(special), SpecialAlignment.parse(text(n, "alignment", "end")), List.copyOf(workloads),
                List.copyOf(events));
    }

    private static final Set<String> WORKLOAD_FIELDS = Set.of("tag", "driver", "caller", "routine", "pool", "flags", "rate", "size",
            "lifetime", "leak", "initial", "cache", "burst", "freeRoutine", "freeTag", "freeTagShare", "freeOnUnload", "overrun",
            "counterStart");

    private static Workload workload(JsonNode w) {
        for (Iterator<String> it = w.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!WORKLOAD_FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown field \"" + f + "\"");
            }
        }
        PoolTag tag = PoolTag.ofMemoryText(required(w, "tag"));
        AllocRoutine routine = AllocRoutine.EX_ALLOCATE_POOL_WITH_TAG;
        if (w.has("routine")) {
            routine = AllocRoutine.byName(w.get("routine").asText());
            if (routine == null) {
                throw new IllegalArgumentException("unknown routine '" + w.get("routine").asText() + "'");
            }
        }
        WindowsPoolType pool = w.has("pool") ? WindowsPoolType.parse(w.get("pool").asText()) : null;
        long flags = w.has("flags") ? PoolFlags.parse(w.get("flags").asText()) : 0;
        if (routine.takesPoolFlags() && !w.has("flags")) {
            flags = pool != null && pool.isPaged() ? PoolFlags.PAGED : PoolFlags.NON_PAGED;
        }
        if (!routine.takesPoolFlags() && pool == null && routine != AllocRoutine.NDIS_ALLOCATE_MEMORY_WITH_TAG_PRIORITY) {
            pool = WindowsPoolType.NON_PAGED_POOL_NX;
        }
        double rate = w.path("rate").asDouble(0);
        double leak = w.path("leak").asDouble(0);
        if (rate < 0 || leak < 0 || leak > 1) {
            throw new IllegalArgumentException("\"rate\" must be >= 0 and \"leak\" between 0 and 1");
        }
        Distribution size = Distribution.size(w.has("size") ? w.get("size").asText() : "128");
        Distribution lifetime = Distribution.lifetime(w.has("lifetime") ? w.get("lifetime").asText() : "never");
        Cache cache = null;
        if (w.has("cache")) {
            JsonNode c = w.get("cache");
            cache = new Cache(c.path("capacity").asInt(0), TraceTime.parseMicros(text(c, "fill", "60s")), c.path("churn").asDouble(0));
            if (cache.capacity() <= 0) {
                throw new IllegalArgumentException("a cache needs a positive \"capacity\"");
            }
        }
        Burst burst = null;
        if (w.has("burst")) {
            JsonNode b = w.get("burst");
            burst = new Burst(TraceTime.parseMicros(required(b, "every")), TraceTime.parseMicros(required(b, "for")), b.path("factor").asDouble(2));
        }
        Overrun overrun = null;
        if (w.has("overrun")) {
            JsonNode o = w.get("overrun");
            overrun = new Overrun(TraceTime.parseMicros(required(o, "every")), o.path("bytes").asInt(1));
        }
        FreeRoutine freeRoutine = routine == AllocRoutine.NDIS_ALLOCATE_MEMORY_WITH_TAG_PRIORITY ? FreeRoutine.NDIS_FREE_MEMORY_WITH_TAG_PRIORITY
                : routine.takesPoolFlags() ? FreeRoutine.EX_FREE_POOL2 : FreeRoutine.EX_FREE_POOL_WITH_TAG;
        if (w.has("freeRoutine")) {
            freeRoutine = FreeRoutine.byName(w.get("freeRoutine").asText());
            if (freeRoutine == null) {
                throw new IllegalArgumentException("unknown free routine '" + w.get("freeRoutine").asText() + "'");
            }
        }
        PoolTag freeTag = w.has("freeTag") ? PoolTag.ofMemoryText(w.get("freeTag").asText()) : null;
        double share = w.path("freeTagShare").asDouble(freeTag == null ? 0 : 1);
        if (rate == 0 && cache == null && w.path("initial").asInt(0) == 0) {
            throw new IllegalArgumentException("nothing to do: give \"rate\", \"cache\" or \"initial\"");
        }
        return new Workload(tag, text(w, "driver", ""), text(w, "caller", ""), routine, pool, flags, rate, size, lifetime, leak,
                w.path("initial").asInt(0), cache, burst, freeRoutine, freeTag, share, w.path("freeOnUnload").asBoolean(true), overrun,
                w.path("counterStart").asLong(0));
    }

    private static String text(JsonNode n, String field, String dflt) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? dflt : v.asText();
    }

    private static String required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return v.asText();
    }

    /** The same scenario with another duration and sample interval (0 keeps the scenario's). */
    public Scenario with(long newDuration, long newInterval) {
        return new Scenario(name, title, description, newDuration > 0 ? newDuration : duration, newInterval > 0 ? newInterval : interval,
                seed, verifier, specialPoolTags, alignment, workloads, events);
    }
}
