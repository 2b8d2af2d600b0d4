package dev.pooltags.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pooltags.source.TerminalText;
import dev.pooltags.tagdb.IrregularLine;
import dev.pooltags.tagdb.TagFile;
import java.io.PrintWriter;

/** Renders {@code lookup --check}: a tag file's counts and each irregular line with its number and reason. */
public final class TagFileCheckReport {
    private TagFileCheckReport() {}

    /** The formats of {@code pooltags lookup --check}: text (the default, terminal-safe) and json. */
    public static final Renderers<TagFile> RENDERERS = Renderers.<TagFile>of("text",
            (out, f) -> text(TerminalText.writer(out), f)).and("json", TagFileCheckReport::json);

    public static void text(PrintWriter out, TagFile f) {
        out.printf("%s: %d lines, %d entries (%d wildcard), %d comment lines, %d blank lines, %d irregular lines%n",
                f.name(), f.lines(), f.entries().size(), f.wildcardEntries(), f.commentLines(), f.blankLines(),
                f.irregular().size());
        for (IrregularLine l : f.irregular()) {
            out.printf("%s:%d: %s%n", f.name(), l.line(), l.reason());
            out.printf("    | %s%n", visible(l.text()));
            out.printf("    %s%n", l.isKept()
                    ? "kept as: '" + l.kept().tagText() + "' - " + (l.kept().binary().isEmpty() ? "(no binary)" : l.kept().binary())
                            + " - " + l.kept().description()
                    : "not kept");
        }
        out.flush();
    }

    public static void json(PrintWriter out, TagFile f) {
        ObjectNode root = Json.object();
        root.put("file", f.name()).put("lines", f.lines()).put("entries", f.entries().size())
                .put("wildcardEntries", f.wildcardEntries()).put("commentLines", f.commentLines())
                .put("blankLines", f.blankLines());
        ArrayNode arr = root.putArray("irregular");
        for (IrregularLine l : f.irregular()) {
            ObjectNode o = arr.addObject().put("line", l.line()).put("text", l.text()).put("reason", l.reason())
                    .put("kept", l.isKept());
            if (l.isKept()) {
                o.put("tag", l.kept().tagText()).put("binary", l.kept().binary()).put("description", l.kept().description());
            }
        }
        Json.write(out, root);
    }

    /** Control characters made visible (Ctrl-Z as ^Z) so the terminal shows what is in the file. */
    static String visible(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c < 0x20) {
                sb.append('^').append((char) (c + 64));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
