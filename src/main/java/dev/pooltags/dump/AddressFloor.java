package dev.pooltags.dump;

/** Binary search over ascending start addresses, compared unsigned as kernel addresses must be. */
final class AddressFloor {
    private AddressFloor() {
    }

    /** The index of the last of {@code starts} (ascending, unsigned) at or below {@code address}, or -1 if none. */
    static int of(long[] starts, long address) {
        int lo = 0;
        int hi = starts.length - 1;
        int best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(starts[mid], address) <= 0) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }
}
