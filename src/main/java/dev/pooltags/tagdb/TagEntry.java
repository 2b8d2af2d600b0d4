package dev.pooltags.tagdb;

import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.TagPattern;
import java.util.Objects;

/**
 * One owner entry of a tag file: {@code TAG - binary - description}.
 *
 * @param key         the tag, or a wildcard pattern such as {@code Afd?} or {@code Aml*}
 * @param binary      the owning binary as written ({@code ntfs.sys}, {@code nt!mm}, {@code <unknown>}); empty
 *                    when the line names none
 * @param description the description, trimmed
 * @param source      the file and line it came from
 */
public record TagEntry(TagPattern key, String binary, String description, EntrySource source) {
    public TagEntry {
        Objects.requireNonNull(key);
        Objects.requireNonNull(binary);
        Objects.requireNonNull(description);
        Objects.requireNonNull(source);
    }

    /** True for wildcard entries ({@code ?} or {@code *} in the tag column). */
    public boolean isWildcard() {
        return key.isWildcard();
    }

    /** The exact tag of a non-wildcard entry. */
    public PoolTag tag() {
        return key.exactTag();
    }

    /** The tag column as text: the tag's memory-order text, or the pattern as written. */
    public String tagText() {
        return key.isWildcard() ? key.text() : key.exactTag().memoryText();
    }
}
