package dev.pooltags.pool;

import java.util.ArrayList;
import java.util.List;

/** Every rule the model checks, in the order it checks them. */
public final class PoolRules {
    static final InvalidPoolFlagsRule INVALID_POOL_FLAGS = new InvalidPoolFlagsRule();
    static final ZeroTagRule ZERO_TAG = new ZeroTagRule();
    static final BigTagRule BIG_TAG = new BigTagRule();
    static final TagWithoutLetterOrDigitRule TAG_WITHOUT_LETTER_OR_DIGIT = new TagWithoutLetterOrDigitRule();
    static final MustSucceedRule MUST_SUCCEED = new MustSucceedRule();
    static final ZeroSizeAllocationRule ZERO_SIZE = new ZeroSizeAllocationRule();
    static final UntaggedAllocationRule UNTAGGED = new UntaggedAllocationRule();
    static final DoubleFreeRule DOUBLE_FREE = new DoubleFreeRule();
    static final UnknownAddressFreeRule UNKNOWN_ADDRESS = new UnknownAddressFreeRule();
    static final FreeTagMismatchRule TAG_MISMATCH = new FreeTagMismatchRule();
    static final ProtectedTagFreeRule PROTECTED_TAG = new ProtectedTagFreeRule();
    static final SpecialPoolCorruptionRule SPECIAL_POOL_CORRUPTION = new SpecialPoolCorruptionRule();
    static final PoolTrackingOverrunRule POOL_TRACKING_OVERRUN = new PoolTrackingOverrunRule();

    /** In the order {@link PoolModel#allocate} checks them. */
    static final List<AllocationRule> ALLOCATION = List.of(INVALID_POOL_FLAGS, ZERO_TAG, BIG_TAG, TAG_WITHOUT_LETTER_OR_DIGIT,
            MUST_SUCCEED, ZERO_SIZE, UNTAGGED);
    /** In the order {@link PoolModel#free} checks them. */
    static final List<FreeRule> FREE = List.of(DOUBLE_FREE, UNKNOWN_ADDRESS, TAG_MISMATCH, PROTECTED_TAG, SPECIAL_POOL_CORRUPTION,
            POOL_TRACKING_OVERRUN);
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
