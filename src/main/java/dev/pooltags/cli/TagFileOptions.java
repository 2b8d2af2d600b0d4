package dev.pooltags.cli;

import dev.pooltags.source.InputException;
import dev.pooltags.tagdb.TagDatabase;
import dev.pooltags.tagdb.TagFile;
import dev.pooltags.tagdb.TagFileDiscovery;
import dev.pooltags.tagdb.TagFileReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** The files that make the database, in precedence order. */
    public List<Path> resolve(TagFileDiscovery discovery, boolean required) {
        List<Path> out = new ArrayList<>(localtags);
        if (localtags.isEmpty() && !noLocal) {
            out.addAll(discovery.findLocalTagFiles());
        }
        if (!tagfiles.isEmpty()) {
            out.addAll(tagfiles);
        } else {
            discovery.findPooltag().ifPresent(out::add);
            if (out.isEmpty() && required) {
                throw new InputException("", 0, discovery.notFoundHelp());
            }
        }
        return out;
    }

    /** Reads and merges the tag files. */
    public TagDatabase load(boolean required) {
        List<TagFile> files = new ArrayList<>();
        int rank = 0;
        for (Path p : resolve(TagFileDiscovery.system(), required)) {
            files.add(TagFileReader.read(p, rank++));
        }
        return TagDatabase.of(files);
    }
}
