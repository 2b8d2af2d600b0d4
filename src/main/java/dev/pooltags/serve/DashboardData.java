package dev.pooltags.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pooltags.core.Severity;
import dev.pooltags.snapshot.TagCounters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The dashboard's JSON documents. {@code /api/tags}: the latest sample with every row (not only the exported
 * ones), its growth over the history held, and its verdict. {@code /api/history?id=Nonp/MyBf}: one row's bytes
 * over the history.
 *
 * <p>Growth is what the numbers say, not a judgement: bytes now minus bytes at the oldest sample held, and that
 * change per hour. Verdicts come only from the {@link VerdictProvider}.
 */
public final class DashboardData {
    private static final JsonFactory JSON = new JsonFactory();

    private DashboardData() {}

    public static byte[] tags(PoolView v, History history, VerdictProvider provider, double intervalSeconds) {
        Map<TagCounters.RowKey, History.Growth> growth = history.growth();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + v.rows().size() * 200);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("source", v.sample().source());
            g.writeStringField("host", v.sample().host());
            g.writeStringField("time", v.sample().time().toString());
            g.writeNumberField("samples", v.samples());
            g.writeNumberField("sampleErrors", v.sampleErrors());
            g.writeBooleanField("exhausted", v.exhausted());
            g.writeNumberField("intervalSeconds", intervalSeconds);
            g.writeNumberField("historySamples", history.size());
            g.writeNumberField("historyCapacity", history.capacity());
            g.writeNumberField("historySeconds", history.spanSeconds());
            g.writeStringField("verdictTitle", provider.title());
            g.writeBooleanField("verdictsAvailable", provider.available());
            g.writeObjectFieldStart("totals");
            for (Map.Entry<String, Long> e : v.sample().totals().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("rows");
            for (PoolRow r : v.rows()) {
                g.writeStartObject();
                g.writeStringField("id", r.id());
                g.writeStringField("tag", r.label());
                g.writeStringField("pool", r.pool());
                g.writeStringField("owner", r.owner());
                g.writeNumberField("bytes", r.bytes());
                g.writeNumberField("outstanding", r.outstanding());
                g.writeNumberField("allocs", r.allocs());
                g.writeNumberField("frees", r.frees());
                g.writeBooleanField("exported", r.exported());
                History.Growth gr = growth.get(r.key());
                if (gr != null) {
                    g.writeNumberField("growthBytes", gr.bytes());
                    g.writeNumberField("growthSeconds", gr.seconds());
                    g.writeNumberField("growthPerHour", Math.round(gr.perHour()));
                }
                Verdict verdict = v.verdicts().get(r.key());
                if (verdict != null) {
                    g.writeObjectFieldStart("verdict");
                    g.writeStringField("label", verdict.label());
                    g.writeStringField("severity", scale(verdict.severity()));
                    g.writeStringField("detail", verdict.detail());
                    if (verdict.level() >= 0) {
                        g.writeStringField("state", Verdict.LEVELS.get(verdict.level()));
                        g.writeNumberField("level", verdict.level());
                        g.writeNumberField("score", verdict.score());
                        g.writeNumberField("rank", verdict.rank());
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One row's history; null when the id names no row held. */
    public static byte[] history(String id, PoolView v, History history) {
        PoolRow row = null;
        for (PoolRow r : v.rows()) {
            if (r.id().equals(id)) {
                row = r;
                break;
            }
        }
        if (row == null) {
            return null;
        }
        History.Series s = history.series(row.key());
        if (s == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + s.times().length * 32);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeStringField("tag", row.label());
            g.writeStringField("pool", row.pool());
            g.writeStringField("owner", row.owner());
            g.writeArrayFieldStart("times");
            for (long t : s.times()) {
                g.writeNumber(t);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("bytes");
            for (Long b : s.bytes()) {
                if (b == null) {
                    g.writeNull();
                } else {
                    g.writeNumber(b);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The dashboard's words for a verdict's severity (its colours and sort order are keyed by them). */
    private static String scale(Severity s) {
        return switch (s) {
            case ERROR -> "HIGH";
            case WARNING -> "MEDIUM";
            case NOTE -> "LOW";
            case NONE -> "NONE";
        };
    }
}
