package dev.pooltags.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class LongMapProperties {
    @Property(tries = 300)
    void behavesLikeAHashMap(@ForAll @Size(max = 400) List<@LongRange(min = 1, max = 300) Long> keys,
            @ForAll @Size(max = 400) List<Boolean> removes) {
        LongMap<Long> m = new LongMap<>(4);
        Map<Long, Long> ref = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            long k = keys.get(i) * 0x1000L; // addresses: many share low bits
            if (i < removes.size() && removes.get(i)) {
                assertThat(m.remove(k)).isEqualTo(ref.remove(k));
            } else {
                assertThat(m.put(k, (long) i)).isEqualTo(ref.put(k, (long) i));
            }
            assertThat(m.size()).isEqualTo(ref.size());
        }
        for (long k = 0x1000; k <= 300 * 0x1000L; k += 0x1000) {
            assertThat(m.get(k)).isEqualTo(ref.get(k));
        }
    }
}
