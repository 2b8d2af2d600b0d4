package dev.pooltags.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rules' help texts live in {@code help/<id>.txt} beside the package: one file per rule, none left over. */
class PoolRuleHelpTest {
    @Test
    void everyHelpFileBelongsToARuleAndEveryRuleHasOne() throws IOException, URISyntaxException {
        Path folder = Path.of(PoolRule.class.getResource("help").toURI());
        Set<String> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        Set<String> expected = PoolRules.all().stream().map(r -> r.id() + ".txt").collect(Collectors.toSet());
        assertThat(files).isEqualTo(expected);
    }

    @Test
    void helpIsOneParagraphJoinedFromTheWrappedFile() {
        for (PoolRule r : PoolRules.all()) {
            assertThat(r.help()).as(r.id()).doesNotContain("\n").doesNotContain("  ").endsWith(".");
        }
        // the file is wrapped at 100 columns; the help reads as the one line it was in the constructor before
        assertThat(PoolRules.byId("free-tag-mismatch").help()).isEqualTo("Free with the tag the block was allocated with; "
                + "if the tags differ by design, one component is freeing another's memory.");
    }
}
