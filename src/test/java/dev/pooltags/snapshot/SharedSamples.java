package dev.pooltags.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The verbatim blocks of ../shared/data/tool-output/*.txt, by their "=== path #n" titles. */
final class SharedSamples {
    static final Path DATA = Path.of("../shared/data");

    private SharedSamples() {}

    static Map<String, String> blocks(String file) throws IOException {
        String text = Files.readString(DATA.resolve("tool-output").resolve(file), StandardCharsets.ISO_8859_1);
        Map<String, String> out = new LinkedHashMap<>();
        String title = null;
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("=== ")) {
                if (title != null) {
                    out.put(title, sb.toString());
                }
                title = line.substring(4).trim();
                sb.setLength(0);
            } else if (title != null && !line.startsWith("# ---")) {
                sb.append(line).append('\n');
            }
        }
        if (title != null) {
            out.put(title, sb.toString());
        }
        return out;
    }

    /** The first fenced code block after a markdown heading that starts with {@code heading}. */
    static String markdownBlock(String heading) throws IOException {
        String text = Files.readString(DATA.resolve("tool-output/realworld_samples.md"), StandardCharsets.UTF_8);
        int h = text.indexOf("\n## " + heading);
        int a = text.indexOf("```\n", h) + 4;
        int b = text.indexOf("```", a);
        return text.substring(a, b);
    }
}
