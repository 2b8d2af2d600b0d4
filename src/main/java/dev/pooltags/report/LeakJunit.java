package dev.pooltags.report;

import dev.pooltags.leak.LeakResult;
import dev.pooltags.leak.MetricTrend;
import dev.pooltags.leak.PhaseComparison;
import dev.pooltags.leak.Quantity;
import dev.pooltags.leak.TagVerdict;
import dev.pooltags.leak.Verdict;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tagdb.TagDatabase;
import dev.pooltags.tagdb.TagEntry;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code pooltags leaks --format junit}: the JUnit XML that CI servers read (the Ant/Surefire layout: testsuites,
 * testsuite, testcase, failure), so a driver test lab shows each leaking tag as a failed test. One test case per
 * tag and pool type, class name {@code pooltags.leaks.<pool>}; a case fails when its verdict reaches the gate
 * ({@code --fail-on}, default leak), with the verdict as the failure type and the explanation as the message.
 */
public final class LeakJunit {
    private LeakJunit() {}

    public static void write(PrintWriter out, LeakResult r, TagDatabase db, Verdict gate) {
        List<TagVerdict> all = r.ranked();
        long failures = all.stream().filter(v -> v.verdict().atLeast(gate)).count();
        try {
            XMLStreamWriter x = start(out, "pooltags.leaks", all.size(), failures, r.end().toString());
            property(x, "gate", gate.label());
            property(x, "samples", Integer.toString(r.table().samples()));
            property(x, "start", r.start().toString());
            property(x, "end", r.end().toString());
            for (String n : r.notes()) {
                property(x, "note", n);
            }
            x.writeEndElement();
            for (TagVerdict v : all) {
                TagEntry owner = LeakJson.ownerOf(db, v.key());
                testcase(x, v.key(), v.verdict(), gate, v.explanation(), details(v, owner));
            }
            end(x, out);
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new java.io.IOException(e.getMessage(), e));
        }
    }

    public static void write(PrintWriter out, PhaseComparison.Result r, TagDatabase db, Verdict gate) {
        List<PhaseComparison.TagChange> all = r.ranked();
        long failures = all.stream().filter(v -> v.verdict().atLeast(gate)).count();
        try {
            XMLStreamWriter x = start(out, "pooltags.leaks.phase", all.size(), failures,
                    r.after().get(r.afterSamples() - 1).time().toString());
            property(x, "gate", gate.label());
            property(x, "baselineSamples", Integer.toString(r.baselineSamples()));
            property(x, "afterSamples", Integer.toString(r.afterSamples()));
            x.writeEndElement();
            for (PhaseComparison.TagChange c : all) {
                TagEntry owner = LeakJson.ownerOf(db, c.key());
                testcase(x, c.key(), c.verdict(), gate, c.explanation(),
                        owner == null ? "" : "owner: " + LeakText.ownerText(owner));
            }
            end(x, out);
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new java.io.IOException(e.getMessage(), e));
        }
    }

    /** The document up to the open properties element of the one test suite. */
    private static XMLStreamWriter start(PrintWriter out, String suite, int tests, long failures, String timestamp)
            throws XMLStreamException {
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        x.writeStartDocument("UTF-8", "1.0");
        x.writeCharacters("\n");
        x.writeStartElement("testsuites");
        x.writeAttribute("name", "pooltags leaks");
        x.writeAttribute("tests", Integer.toString(tests));
        x.writeAttribute("failures", Long.toString(failures));
        x.writeStartElement("testsuite");
        x.writeAttribute("name", xml(suite));
        x.writeAttribute("tests", Integer.toString(tests));
        x.writeAttribute("failures", Long.toString(failures));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", "0");
        x.writeAttribute("timestamp", xml(timestamp));
        x.writeAttribute("time", "0");
        x.writeStartElement("properties");
        return x;
    }

    private static void end(XMLStreamWriter x, PrintWriter out) throws XMLStreamException {
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndDocument();
        x.flush();
        x.close();
        out.println();
        out.flush();
    }

    private static void testcase(XMLStreamWriter x, TagCounters.RowKey key, Verdict verdict, Verdict gate,
            String explanation, String details) throws XMLStreamException {
        x.writeCharacters("\n");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", "pooltags.leaks." + key.type().poolmonName());
        x.writeAttribute("name", xml(key.label()));
        x.writeAttribute("time", "0");
        if (verdict.atLeast(gate)) {
            x.writeStartElement("failure");
            x.writeAttribute("type", xml(verdict.label()));
            x.writeAttribute("message", xml(verdict.label() + ": " + explanation));
            x.writeCharacters(xml(explanation + (details.isEmpty() ? "" : "\n" + details)));
            x.writeEndElement();
        } else if (verdict != Verdict.STABLE) {
            x.writeStartElement("system-out");
            x.writeCharacters(xml(verdict.label() + ": " + explanation));
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static String details(TagVerdict v, TagEntry owner) {
        StringBuilder sb = new StringBuilder();
        for (MetricTrend m : List.of(v.count(), v.bytes())) {
            sb.append(m.metric().id()).append(": ").append(m.verdict().label()).append(", ").append(m.pattern().words())
                    .append(", ").append(Quantity.of(m.metric(), m.first(), false)).append(" -> ")
                    .append(Quantity.of(m.metric(), m.last(), false)).append(", ")
                    .append(Quantity.rate(m.metric(), m.ratePerHour())).append(", Mann-Kendall ")
                    .append(Quantity.p(m.phaseTrend().pIncreasing())).append('\n');
        }
        if (owner != null) {
            sb.append("owner: ").append(LeakText.ownerText(owner)).append('\n');
        }
        String advice = LeakAdvice.of(v, owner);
        if (!advice.isEmpty()) {
            sb.append("next: ").append(advice);
        }
        return sb.toString().strip();
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement("property");
        x.writeAttribute("name", xml(name));
        x.writeAttribute("value", xml(value));
        x.writeEndElement();
    }

    /**
     * The text with every character XML 1.0 forbids (C0 controls but tab, line feed and carriage return; U+FFFE,
     * U+FFFF; unpaired surrogates) replaced by its {@code \xHH} or {@code \}{@code uHHHH} spelling: a tag or owner
     * with 0x01 or ESC in it must not make the whole report unreadable to a CI server.
     */
    static String xml(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || pair;
            if (ok) {
                if (sb != null) {
                    sb.append(c);
                    if (pair) {
                        sb.append(s.charAt(i + 1));
                    }
                }
                if (pair) {
                    i++;
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            sb.append(c <= 0xFF ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
        }
        return sb == null ? s : sb.toString();
    }
}
