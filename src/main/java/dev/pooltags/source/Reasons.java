package dev.pooltags.source;

import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why something failed, in pooltags' words: a library's exception becomes a short phrase for a one-line error, never its
 * own text (the JDK's {@code NoSuchFileException} message is only the path; Jackson's adds its source and a Java
 * location).
 */
public final class Reasons {
    private Reasons() {}

    /** The reason, as a phrase that fits after "cannot be read: ". */
    public static String of(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return of(u.getCause());
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder" + (n.getFile() == null ? "" : ": " + n.getFile());
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(Locale.ROOT);
        }
        if (e instanceof CharacterCodingException) {
            return "not valid text in its encoding";
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            com.fasterxml.jackson.core.JsonLocation at = j.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            String m = j.getOriginalMessage();
            return (m == null ? "not valid JSON" : oneLine(m)) + where;
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : oneLine(m);
    }

    private static String oneLine(String m) {
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
