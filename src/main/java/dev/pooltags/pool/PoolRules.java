package dev.pooltags.pool;

import java.util.ArrayList;
import java.util.List;

/** Every rule the model checks, in the order it checks them. */
public final class PoolRules {
    static final List<AllocationRule> ALLOCATION = List.of(new InvalidPoolFlagsRule(), new ZeroTagRule(), new BigTagRule(),
            new TagWithoutLetterOrDigitRule(), new MustSucceedRule(), new ZeroSizeAllocationRule(), new UntaggedAllocationRule());
    static final List<FreeRule> FREE = List.of(new DoubleFreeRule(), new UnknownAddressFreeRule(), new FreeTagMismatchRule(),
            new ProtectedTagFreeRule(), new SpecialPoolCorruptionRule(), new PoolTrackingOverrunRule());
    static final List<AccessRule> ACCESS = List.of(new SpecialPoolUseAfterFreeRule(), new SpecialPoolGuardPageRule(),
            new UndetectedOverrunRule());
    static final List<UnloadRule> UNLOAD = List.of(new UnloadWithOutstandingRule(), new UnloadLeakRule());

    private PoolRules() {}

    /** All rules: allocation, free, access, unload. */
    public static List<PoolRule> all() {
        List<PoolRule> all = new ArrayList<>();
        all.addAll(ALLOCATION);
        all.addAll(FREE);
        all.addAll(ACCESS);
        all.addAll(UNLOAD);
        return all;
    }

    /** The rule with this id, or null. */
    public static PoolRule byId(String id) {
        for (PoolRule r : all()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }
}
