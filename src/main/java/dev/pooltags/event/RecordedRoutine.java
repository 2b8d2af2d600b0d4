package dev.pooltags.event;

import dev.pooltags.core.PoolRoutine;
import java.util.Arrays;

/**
 * The routine an allocation or free event records ({@link AllocRoutine}, {@link FreeRoutine}): a view whose
 * constants name a catalogue entry, or none where the source did not record which routine it was.
 */
public interface RecordedRoutine {
    /** The catalogue's entry, or null where the routine was not recorded. */
    PoolRoutine routine();

    /** The routine's name as in the headers. */
    default String routineName() {
        PoolRoutine r = routine();
        return r == null ? "(not recorded)" : r.routineName();
    }

    /** The constant of {@code type} for the routine named {@code name} (case-insensitive); null when unknown. */
    static <E extends Enum<E> & RecordedRoutine> E byName(Class<E> type, String name) {
        PoolRoutine r = PoolRoutine.byNameIgnoringCase(name);
        return r == null ? null
                : Arrays.stream(type.getEnumConstants()).filter(e -> e.routine() == r).findFirst().orElse(null);
    }
}
