package dev.pooltags.pe;

/** One exported routine of the image: its name (null when exported by ordinal only) and its code RVA. */
public record Export(String name, int rva) {
}
