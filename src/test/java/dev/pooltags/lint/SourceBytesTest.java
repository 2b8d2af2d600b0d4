package dev.pooltags.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pooltags.source.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceBytesTest {

    @TempDir
    Path dir;

    @Test
    void readsAFileOfSeveralSlicesWhole() throws Exception {
        byte[] data = new byte[SourceBytes.SLICE * 2 + 12345];
        new Random(7).nextBytes(data);
        Path f = dir.resolve("big.c");
        Files.write(f, data);
        assertThat(SourceBytes.read(f)).isEqualTo(data);
    }

    @Test
    void readsAnEmptyFile() throws Exception {
        Path f = dir.resolve("empty.c");
        Files.write(f, new byte[0]);
        assertThat(SourceBytes.read(f)).isEmpty();
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> SourceBytes.read(dir.resolve("missing.c")))
                .isInstanceOf(InputException.class).hasMessageContaining("no such file");
        assertThatThrownBy(() -> SourceBytes.read(dir))
                .isInstanceOf(InputException.class).hasMessageContaining("folder");
    }
}
