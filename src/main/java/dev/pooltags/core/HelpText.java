package dev.pooltags.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The long help of a rule or pattern, kept as a text resource beside the code that uses it (as error-prone keeps a page
 * per bug pattern) rather than as a string built in a constructor: {@code help/<id>.txt} in the package of the class
 * that names it, read once when the rule is made. Paragraphs are plain text; line breaks inside a paragraph are joined
 * with a space so the file can be wrapped for reading while the help prints as before.
 */
public final class HelpText {
    private HelpText() {}

    /**
     * The help text of {@code id}, from the resource {@code help/<id>.txt} next to {@code owner}'s class file.
     *
     * @throws IllegalStateException when the resource is missing: a build defect, not an input error
     */
    public static String of(Class<?> owner, String id) {
        return join(bundled(owner, "help/" + id + ".txt"));
    }

    /**
     * The text (UTF-8) of the resource {@code name} next to {@code owner}'s class file, which the build puts in the jar
     * (help texts, rule tables).
     *
     * @throws IllegalStateException when the resource is missing: a build defect, not an input error
     */
    public static String bundled(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(owner.getPackageName().replace('.', '/') + "/" + name
                        + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Joins the lines of each paragraph with one space; paragraphs stay separated by one blank line. */
    static String join(String text) {
        StringBuilder out = new StringBuilder(text.length());
        String[] paragraphs = text.replace("\r\n", "\n").strip().split("\n\\s*\n");
        for (String p : paragraphs) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(String.join(" ", p.strip().split("\\s*\n\\s*")));
        }
        return out.toString();
    }
}
