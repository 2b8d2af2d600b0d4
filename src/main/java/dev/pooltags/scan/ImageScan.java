package dev.pooltags.scan;

import dev.pooltags.pe.Machine;
import java.util.List;

/**
 * What the scan of one image found.
 *
 * @param machine     the image's machine
 * @param imageBase   its preferred load address (addresses in reports are imageBase + RVA)
 * @param undecodable why its code was not decoded (unsupported machine, IL only), or null when it was
 * @param poolImports how many of its imports are pool routines
 * @param uses        every pool-routine call found, by call address
 * @param regions     how many stretches of code were decoded (for the curious and for benchmarks)
 */
public record ImageScan(Machine machine, long imageBase, String undecodable, int poolImports, List<TagUse> uses,
        int regions) {
    public ImageScan {
        uses = List.copyOf(uses);
    }

    public boolean decoded() {
        return undecodable == null;
    }
}
