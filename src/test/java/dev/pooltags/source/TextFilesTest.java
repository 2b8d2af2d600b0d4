package dev.pooltags.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsAFileOfSeveralSlicesWhole() throws Exception {
        byte[] data = new byte[TextFiles.SLICE * 2 + 12345];
        new Random(7).nextBytes(data);
        Path f = dir.resolve("big.c");
        Files.write(f, data);
        assertThat(TextFiles.readAllBytes(f)).isEqualTo(data);
    }

    @Test
    void readsAnEmptyFile() throws Exception {
        Path f = dir.resolve("empty.c");
        Files.write(f, new byte[0]);
        assertThat(TextFiles.readAllBytes(f)).isEmpty();
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> TextFiles.readAllBytes(dir.resolve("missing.c")))
                .isInstanceOf(InputException.class).hasMessageContaining("no such file");
        assertThatThrownBy(() -> TextFiles.readAllBytes(dir))
                .isInstanceOf(InputException.class).hasMessageContaining("folder");
    }
}
