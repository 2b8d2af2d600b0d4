package dev.pooltags.poolblock;

import dev.pooltags.tag.PoolTag;
import java.util.Objects;

/**
 * The owner a source names for a tag, as it named it: {@code !pool}'s line under the marked block
 * ({@code Pooltag Ntf0 : Vcb ..., Binary : ntfs.sys} or {@code Owning component : Unknown (update pooltag.txt)}).
 * This is what the debugger's own copy of Pooltag.txt said, kept beside pooltags' own lookup.
 *
 * @param tag         the tag the note is about
 * @param description the owner's description, empty when the source said the owner is unknown
 * @param binary      the binary the source named ({@code ntfs.sys}, {@code nt!ps}), empty when none
 * @param origin      where the note was read
 */
public record OwnerNote(PoolTag tag, String description, String binary, Origin origin) {
    public OwnerNote {
        Objects.requireNonNull(tag);
        Objects.requireNonNull(description);
        Objects.requireNonNull(binary);
        Objects.requireNonNull(origin);
    }

    /** True when the source named an owner. */
    public boolean known() {
        return !description.isEmpty() || !binary.isEmpty();
    }
}
