package dev.pooltags.lint;

/**
 * The facts about a driver that particular rules need from its files: where it registers as a miniport and whether
 * it is a Storport virtual miniport ({@link MiniportKernelAllocatorRule}), and where it opts in to NX pool at run time
 * ({@link ExecutableNonPagedPoolRule}).
 */
final class DriverFacts {
    /** A Storport virtual miniport declares its initialization data with this type; it may call kernel routines. */
    static final String VIRTUAL_MINIPORT_DATA = "VIRTUAL_HW_INITIALIZATION_DATA";
    /** The routine a driver opts in to NX pool with, and the flag it passes. */
    static final String DRIVER_RUNTIME = "ExInitializeDriverRuntime";
    static final String NX_OPT_IN = "DrvRtPoolNxOptIn";

    private final FileTokens tokens;
    Location nxRuntime;
    Miniport.Registration miniport;
    boolean virtualMiniport;

    DriverFacts(FileTokens tokens) {
        this.tokens = tokens;
    }

    /** Any identifier at {@code k}. */
    void ident(int k) {
        if (!virtualMiniport && tokens.isIdent(k, VIRTUAL_MINIPORT_DATA)) {
            virtualMiniport = true; // a Storport virtual miniport, which may call kernel routines
        }
    }

    /** A call of {@code name} at {@code k} inside a function; true when it was one of the calls these facts read. */
    boolean call(String name, int k) {
        Token t = tokens.get(k);
        switch (name) {
            case "NdisMRegisterMiniportDriver", "StorPortInitialize", "VideoPortInitialize" -> {
                if (miniport == null) {
                    miniport = new Miniport.Registration(Miniport.registeredBy(name), Location.of(tokens.file, t));
                }
                return true;
            }
            case DRIVER_RUNTIME -> {
                int close = tokens.matchForward(k + 1);
                for (int j = k + 2; j < close; j++) {
                    if (tokens.get(j).text().equals(NX_OPT_IN) && nxRuntime == null) {
                        nxRuntime = Location.of(tokens.file, t);
                    }
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }
}
