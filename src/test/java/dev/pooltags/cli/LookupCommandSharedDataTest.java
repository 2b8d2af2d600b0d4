package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `pooltags lookup` end to end against the real Pooltag.txt in ../shared/data. */
class LookupCommandSharedDataTest {
    static final String TAGFILE = "../shared/data/pooltag/pooltag-2023.txt";

    @Test
    void acceptanceJsonHasOneResultPerArgumentAndAfd1ComesFromTheWildcard() throws Exception {
        CommandLineRun r = CommandLineRun.childJvm("lookup", "--tagfile", TAGFILE, "Ntfx", "fByM", "0x6642794D", "Afd1",
                "--format", "json");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isEqualTo(1); // fByM and MyBf have no owner
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode results = root.get("results");
        assertThat(results).hasSize(4);
        assertThat(results.get(0).get("tag").asText()).isEqualTo("Ntfx");
        assertThat(results.get(0).get("found").asBoolean()).isTrue();
        assertThat(results.get(0).get("owners").get(0).get("match").asText()).isEqualTo("wildcard");
        assertThat(results.get(2).get("tag").asText()).isEqualTo("MyBf");
        assertThat(results.get(2).get("form").asText()).isEqualTo("hex");
        assertThat(results.get(2).get("found").asBoolean()).isFalse();
        assertThat(results.get(2).get("hints").size()).isPositive();
        JsonNode afd1 = results.get(3);
        assertThat(afd1.get("found").asBoolean()).isTrue();
        assertThat(afd1.get("owners")).hasSize(1);
        assertThat(afd1.get("owners").get(0).get("tag").asText()).isEqualTo("Afd?");
        assertThat(afd1.get("owners").get(0).get("match").asText()).isEqualTo("wildcard");
        assertThat(afd1.get("owners").get(0).get("binary").asText()).isEqualTo("afd.sys");
        assertThat(afd1.get("owners").get(0).get("line").asInt()).isEqualTo(57);
        assertThat(root.get("tagFiles").get(0).get("entries").asInt()).isEqualTo(4591);
    }

    @Test
    void textNamesOwnerSourceAndLineAndExitsZeroWhenAllFound() {
        CommandLineRun r = CommandLineRun.inProcess("lookup", "--tagfile", TAGFILE, "--no-localtag", "AfdB", "Ntf0");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("AfdB").contains("afd.sys").contains("Afd data buffer").contains("pooltag-2023.txt:59")
                .contains("exact").contains("wildcard").contains("General pool allocation");
    }

    @Test
    void charLiteralWithQuotesIsTheSameTag() {
        CommandLineRun a = CommandLineRun.inProcess("lookup", "--tagfile", TAGFILE, "--no-localtag", "'BdfA'", "--format", "csv");
        assertThat(a.exit()).isZero();
        assertThat(a.out()).contains("AfdB,0x42646641,true,exact,AfdB,afd.sys");
    }

    @Test
    void unknownTagSaysWhatToDoNext() {
        CommandLineRun r = CommandLineRun.inProcess("lookup", "--tagfile", TAGFILE, "--no-localtag", "fByM");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("no entry").contains("MyBf").contains("\"'fByM'\"");
    }

    @Test
    void patternListsKnownTags() {
        CommandLineRun r = CommandLineRun.inProcess("lookup", "--tagfile", TAGFILE, "--no-localtag", "Ntf*", "--format", "csv");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("Ntf*,")).count()).isEqualTo(39);
    }

    @Test
    void byBinary() {
        CommandLineRun r = CommandLineRun.inProcess("lookup", "--tagfile", TAGFILE, "--no-localtag", "--binary", "afd.sys");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("AfdB").contains("Afd?");
        CommandLineRun none = CommandLineRun.inProcess("lookup", "--tagfile", TAGFILE, "--no-localtag", "--binary", "nothere.sys");
        assertThat(none.exit()).isEqualTo(1);
    }

    @Test
    void checkListsIrregularLines() {
        CommandLineRun r = CommandLineRun.inProcess("lookup", "--check", TAGFILE);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("36 irregular lines").contains("pooltag-2023.txt:2606: the tag 'PX1' has 3 characters")
                .contains("pooltag-2023.txt:4985:").contains("^Z");
    }

    @Test
    void localTagFileTakesPrecedence(@TempDir Path dir) throws Exception {
        Path local = dir.resolve("localtag.txt");
        Files.writeString(local, "AfdB - myafd.sys - my own AfdB\r\n", StandardCharsets.ISO_8859_1);
        CommandLineRun r = CommandLineRun.inProcess("lookup", "--tagfile", TAGFILE, "--localtag", local.toString(), "AfdB",
                "--format", "json");
        JsonNode owners = new ObjectMapper().readTree(r.out()).get("results").get(0).get("owners");
        assertThat(owners.get(0).get("binary").asText()).isEqualTo("myafd.sys");
        assertThat(owners.get(1).get("binary").asText()).isEqualTo("afd.sys");
    }

    @Test
    void outputFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("o.json");
        CommandLineRun r = CommandLineRun.inProcess("lookup", "--tagfile", TAGFILE, "AfdB", "--format", "json", "-o", out.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(out.toFile()).get("results")).hasSize(1);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("o.json"));
    }
}
