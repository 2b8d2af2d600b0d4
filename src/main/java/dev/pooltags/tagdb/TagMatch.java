package dev.pooltags.tagdb;

/** An entry that answers a lookup, and whether it matched the tag exactly or through a wildcard. */
public record TagMatch(TagEntry entry, Kind kind) {
    public enum Kind {
        EXACT,
        WILDCARD;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
