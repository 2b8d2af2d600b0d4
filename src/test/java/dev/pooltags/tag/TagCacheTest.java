package dev.pooltags.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TagCacheTest {
    @Test
    void givesTheTagOfTheValueAndReusesTheOneMadeBefore() {
        TagCache cache = new TagCache(16);
        int value = PoolTag.ofMemoryText("Ddk ").value();
        PoolTag first = cache.ofValue(value);
        assertThat(first).isEqualTo(PoolTag.ofValue(value));
        assertThat(cache.ofValue(value)).isSameAs(first);
    }

    @Test
    void aValueThatTakesTheSlotOfAnotherStillGetsItsOwnTag() {
        TagCache cache = new TagCache(1);
        PoolTag a = cache.ofValue(PoolTag.ofMemoryText("Abcd").value());
        PoolTag b = cache.ofValue(PoolTag.ofMemoryText("Wxyz").value());
        assertThat(b.toString()).isEqualTo(PoolTag.ofMemoryText("Wxyz").toString());
        assertThat(cache.ofValue(a.value())).isEqualTo(a);
    }

    @Test
    void refusesASizeThatIsNotAPowerOfTwo() {
        assertThatThrownBy(() -> new TagCache(100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
    }
}
