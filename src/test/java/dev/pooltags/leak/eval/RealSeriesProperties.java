package dev.pooltags.leak.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.source.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** Fuzzing the CSV adapter: any text either reads or fails with one InputException, never anything else. */
class RealSeriesProperties {
    @Property(tries = 200)
    void any_text_reads_or_is_an_input_error(@ForAll @StringLength(max = 400) String body) throws IOException {
        Path f = Files.createTempFile("series", ".csv");
        try {
            Files.writeString(f, "source,tag,pool,sample,time,allocs,frees,diff,bytes,note\n" + body);
            try {
                RealSeries.readCsv(f);
            } catch (InputException e) {
                assertThat(e.getMessage()).startsWith(f.toString());
            }
        } finally {
            Files.delete(f);
        }
    }
}
