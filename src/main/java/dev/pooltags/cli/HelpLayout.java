package dev.pooltags.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * How every {@code --help} is laid out. Picocli wraps each string of a description or footer on its own, so a
 * sentence written over two strings broke mid-line; here consecutive strings of one paragraph are joined before
 * picocli wraps them (a paragraph ends at an empty string, and indented strings, such as examples, stay lines of
 * their own). Picocli's line breaker also breaks after a {@code !}, splitting WinDbg's {@code !poolused} over two
 * lines; the rendered sections keep the {@code !} with its word (each section's renderer is wrapped in a
 * {@code HelpLayout} that does so).
 */
final class HelpLayout implements IHelpSectionRenderer {
    private final IHelpSectionRenderer section;

    private HelpLayout(IHelpSectionRenderer section) {
        this.section = section;
    }

    @Override
    public String render(CommandLine.Help help) {
        if (help.commandSpec().userObject() instanceof Subcommand s) {
            s.describe(help.commandSpec()); // only a run that shows help pays for what the command adds to it
        }
        return keepBangWithWord(section.render(help));
    }

    /** Lays out the help of {@code root} and every subcommand it has now. */
    static void apply(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        for (CommandLine c : all) {
            CommandLine.Model.UsageMessageSpec u = c.getCommandSpec().usageMessage();
            u.description(paragraphs(u.description()));
            u.footer(paragraphs(u.footer()));
            Map<String, IHelpSectionRenderer> sections = c.getHelpSectionMap();
            for (Map.Entry<String, IHelpSectionRenderer> e : sections.entrySet()) {
                e.setValue(new HelpLayout(e.getValue()));
            }
            c.setHelpSectionMap(sections);
        }
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        for (CommandLine sub : c.getSubcommands().values()) {
            if (!out.contains(sub)) {
                collect(sub, out);
            }
        }
    }

    /** Joins the strings of each paragraph into one. */
    static String[] paragraphs(String[] lines) {
        List<String> out = new ArrayList<>();
        StringBuilder p = null;
        for (String l : lines) {
            boolean text = !l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && !l.contains("%n");
            if (text && p != null) {
                p.append(p.length() == 0 || p.charAt(p.length() - 1) == ' ' ? "" : " ").append(l);
                continue;
            }
            if (p != null) {
                out.add(p.toString());
                p = null;
            }
            if (text) {
                p = new StringBuilder(l);
            } else {
                out.add(l);
            }
        }
        if (p != null) {
            out.add(p.toString());
        }
        return out.toArray(new String[0]);
    }

    /** A line that ends in {@code !} while its word starts the next line: the {@code !} moves down to its word. */
    static String keepBangWithWord(String text) {
        return text.replaceAll("(?m) ?!(\\r?\\n)([ \\t]*)(?=\\w)", "$1$2!");
    }
}
