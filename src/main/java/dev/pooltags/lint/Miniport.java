package dev.pooltags.lint;

import java.util.Locale;

/**
 * A port driver whose miniports are to allocate through it rather than through the ExAllocatePool family: NDIS
 * ("NDIS expects miniports to allocate through NdisAllocateMemoryWithTagPriority"), Storport (storage miniports
 * "should avoid calling operating system routines other than the support routines provided by the port driver",
 * and the HLK storage imports test fails those that do) and the video port (video miniports call VideoPortXxx
 * routines only). A driver is taken as a miniport of the port whose registration routine it calls.
 *
 * @param registration the routine a miniport calls from DriverEntry to register
 * @param allocate     the port's allocation routine
 * @param free         the port's free routine
 */
public record Miniport(String port, String registration, String allocate, String free) {
    public static final Miniport NDIS = new Miniport("NDIS", "NdisMRegisterMiniportDriver",
            "NdisAllocateMemoryWithTagPriority", "NdisFreeMemoryWithTagPriority");
    public static final Miniport STORPORT = new Miniport("Storport", "StorPortInitialize", "StorPortAllocatePool",
            "StorPortFreePool");
    public static final Miniport VIDEO_PORT = new Miniport("video port", "VideoPortInitialize", "VideoPortAllocatePool",
            "VideoPortFreePool");

    /** The port a registration routine belongs to, or null. */
    public static Miniport registeredBy(String routine) {
        for (Miniport m : new Miniport[] {NDIS, STORPORT, VIDEO_PORT}) {
            if (m.registration.equals(routine)) {
                return m;
            }
        }
        return null;
    }

    /** "an NDIS miniport", "a Storport miniport", "a video port miniport". */
    public String article() {
        return ("aeiou".indexOf(port.toLowerCase(Locale.ROOT).charAt(0)) >= 0 || port.equals("NDIS") ? "an " : "a ")
                + port + " miniport";
    }

    /** Where a driver registers as such a miniport. */
    public record Registration(Miniport port, Location where) {
    }
}
