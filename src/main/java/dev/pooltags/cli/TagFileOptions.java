package dev.pooltags.cli;

import dev.pooltags.source.InputException;
import dev.pooltags.tagdb.TagDatabase;
import dev.pooltags.tagdb.TagFile;
import dev.pooltags.tagdb.TagFileDiscovery;
import dev.pooltags.tagdb.TagFileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Which tag files make the owner database, shared by every command that shows owners. Local tag files come
 * first (they describe this machine's drivers), then Pooltag.txt.
 */
public final class TagFileOptions {
    @Option(names = "--tagfile", paramLabel = "FILE",
            description = "Pooltag.txt to read (default: POOLTAGS_TAGFILE, the Debugging Tools' triage\\pooltag.txt, "
                    + "then the per-user config folder). Repeat to merge several; earlier ones take precedence.")
    List<Path> tagfiles = new ArrayList<>();

    @Option(names = "--localtag", paramLabel = "FILE",
            description = "A local tag file (same format), consulted before Pooltag.txt. Repeatable. "
                    + "Default: localtag.txt in the current folder and in the config folder, if present.")
    List<Path> localtags = new ArrayList<>();

    @Option(names = "--no-localtag", description = "Do not read localtag.txt files found automatically.")
    boolean noLocal;

    /**
     * The files that make the database, in precedence order. A file that turns up twice (named with --tagfile and
     * also found as the local tag file of the current folder, or named twice) is one source, read once: at its
     * first place, under the name it was given on the command line.
     */
    public List<Path> resolve(TagFileDiscovery discovery, boolean required) {
        List<Path> out = new ArrayList<>();
        List<Path> named = new ArrayList<>(localtags);
        named.addAll(tagfiles);
        List<Path> all = new ArrayList<>(localtags);
        if (localtags.isEmpty() && !noLocal) {
            all.addAll(discovery.findLocalTagFiles());
        }
        if (!tagfiles.isEmpty()) {
            all.addAll(tagfiles);
        } else {
            discovery.findPooltag().ifPresent(all::add);
            if (all.isEmpty() && required) {
                throw new InputException("", 0, discovery.notFoundHelp());
            }
        }
        Map<Path, Integer> seen = new HashMap<>();
        for (Path p : all) {
            Path key = identity(p);
            Integer at = seen.get(key);
            if (at == null) {
                seen.put(key, out.size());
                out.add(p);
            } else if (named.contains(p) && !named.contains(out.get(at))) {
                out.set(at, p); // keep the user's spelling of it
            }
        }
        return out;
    }

    /** What makes two paths the same file: its real path (links, ./ and case-folding file systems resolved). */
    private static Path identity(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | SecurityException e) {
            return p.toAbsolutePath().normalize(); // missing: reading it reports that
        }
    }

    /** Reads and merges the tag files. */
    public TagDatabase load(boolean required) {
        return load(required, List.of(), null);
    }

    /**
     * Reads and merges the tag files, then the drivers of the demo scenarios that {@code sources} name
     * ({@code demo:leak-fast}: what PoolMon's {@code /g} shows as Mapped_Driver). On Windows with no Pooltag.txt,
     * the tags of this machine's drivers come first ({@link DriverTagCache}, what PoolMon's {@code /c} made);
     * {@code err} (may be null) gets the one line saying they are being read.
     */
    public TagDatabase load(boolean required, java.util.Collection<String> sources, java.io.PrintWriter err) {
        return load(required, sources, err, TagFileDiscovery.system());
    }

    /** As {@link #load(boolean, java.util.Collection, java.io.PrintWriter)} over the given discovery (tests). */
    TagDatabase load(boolean required, java.util.Collection<String> sources, java.io.PrintWriter err, TagFileDiscovery discovery) {
        List<Path> paths = new ArrayList<>(resolve(discovery, required));
        if (discovery.windows() && tagfiles.isEmpty() && discovery.findPooltag().isEmpty() && !noLocal) {
            DriverTagCache.get(discovery.driversDir(), discovery.configDir(),
                    err != null ? err : new java.io.PrintWriter(java.io.Writer.nullWriter())).ifPresent(p -> paths.add(0, p));
        }
        List<TagFile> files = new ArrayList<>();
        int rank = 0;
        for (Path p : paths) {
            boolean named = tagfiles.contains(p) || localtags.contains(p);
            int r = rank++;
            // named: a file of another kind (or empty) says what it is
            TagFile f = named ? readNamed(p, r) : TagFileReader.read(p, r);
            if (named) {
                noEntries(p, f);
            }
            files.add(f);
        }
        java.util.Set<String> seen = new java.util.LinkedHashSet<>(sources);
        for (String s : seen) {
            if (s != null && s.startsWith("demo:")) {
                dev.pooltags.sim.Scenarios.tagFile(s, rank).ifPresent(files::add);
                rank++;
            }
        }
        TagDatabase db = TagDatabase.of(files);
        origin = origin(files, discovery);
        return db;
    }

    private String origin = "";

    /**
     * A tag file the user named, consulted at {@code rank}: read first, and sniffed only when the reader fails or doubts
     * it, so a file of another kind says what it is and which command reads it.
     */
    static TagFile readNamed(Path p, int rank) {
        return dev.pooltags.sniff.Inputs.tagFiles().read(p, q -> TagFileReader.read(q, rank), TagFile::readsAsTagFile);
    }

    /** A file named as a tag file that has no entry at all is not one: said so, rather than answering "no owner". */
    static void noEntries(Path p, TagFile f) {
        if (f.size() == 0) {
            throw new InputException(p, "has no tag entries (" + f.lines() + (f.lines() == 1 ? " line" : " lines")
                    + ", none like 'Ntfx - ntfs.sys - description'; 'pooltags lookup --check " + p + "' shows why each was not read)");
        }
    }

    /**
     * Where the owners of the last {@link #load} come from, for a header line: {@code owners: pooltag.txt, demo:leak-fast
     * drivers}, or when there are none, how to get them.
     */
    public String origin() {
        return origin;
    }

    private static String origin(List<TagFile> files, TagFileDiscovery discovery) {
        if (files.isEmpty()) {
            return "owners: none (no Pooltag.txt found; --tagfile FILE names one"
                    + (discovery.windows() ? ")" : ", e.g. WinDbg's triage\\pooltag.txt copied from Windows)");
        }
        List<String> names = new ArrayList<>();
        for (TagFile f : files) {
            String n = f.entries().isEmpty() ? null : f.entries().get(0).source().file();
            if (n == null) {
                continue;
            }
            if (!n.startsWith("demo:")) {
                Path fn = Path.of(n).getFileName();
                n = fn == null ? n : fn.toString();
            }
            names.add(n);
        }
        return names.isEmpty() ? "owners: none (the tag files have no entries)" : "owners: " + String.join(", ", names);
    }
}
