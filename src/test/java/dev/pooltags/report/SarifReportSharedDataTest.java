package dev.pooltags.report;

import dev.pooltags.cli.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.pooltags.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SARIF output validated against the OASIS SARIF 2.1.0 schema (../shared/data/sarif), and compared with a
 * golden file. Set -Dpooltags.updateGolden=true to rewrite the golden file after a deliberate change (and review
 * the diff).
 */
class SarifReportSharedDataTest {
    static final Path SCHEMA = Path.of("../shared/data/sarif/sarif-schema-2.1.0.json");
    static final Path GOLDEN = Path.of("src/test/resources/lint/golden/cases.sarif");
    static final String CASES = "src/test/resources/lint/cases/";
    static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(Files.readString(SCHEMA, StandardCharsets.UTF_8), InputFormat.JSON);
    }

    static String sarif(String... paths) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[paths.length + 3];
        args[0] = "lint";
        args[1] = "--format";
        args[2] = "sarif";
        System.arraycopy(paths, 0, args, 3, paths.length);
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(err.toString()).isEmpty();
        assertThat(code).isIn(ExitCode.OK.code(), ExitCode.FINDINGS.code());
        return out.toString();
    }

    /** The output without the one machine-dependent value: the absolute folder behind %SRCROOT%. */
    static String normalized(String sarif) throws IOException {
        ObjectMapper m = new ObjectMapper();
        JsonNode root = m.readTree(sarif);
        ((ObjectNode) root.at("/runs/0/originalUriBaseIds/%SRCROOT%")).put("uri", "file:///project/");
        ((ObjectNode) root.at("/runs/0/tool/driver")).put("semanticVersion", "0.0.0");
        return m.writerWithDefaultPrettyPrinter().writeValueAsString(root).replace("\r\n", "\n") + "\n";
    }

    @Test
    void theOutputIsValidSarifAndMatchesTheGoldenFile() throws IOException {
        String out = sarif(CASES + "PT005-error-path.cpp", CASES + "PT004-deprecated.c", CASES + "PT006-no-optin",
                CASES + "suppressions", CASES + "PT008-two-drivers", CASES + "PT005-wrapper-functions",
                CASES + "PT004-composed-fixes.c");
        List<Error> errors = schema.validate(out, InputFormat.JSON);
        assertThat(errors).as("schema errors").isEmpty();
        assertThat(GitHubSarifIngestion.problems(new ObjectMapper().readTree(out))).as("GitHub ingestion").isEmpty();
        String actual = normalized(out);
        if (Boolean.getBoolean("pooltags.updateGolden")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
        JsonNode root = new ObjectMapper().readTree(out);
        JsonNode run = root.at("/runs/0");
        assertThat(run.at("/tool/driver/rules")).hasSize(9);
        assertThat(run.at("/tool/driver/rules/4/id").asText()).isEqualTo("PT005");
        assertThat(run.at("/tool/driver/rules/4/help/text").asText()).contains("BAD_POOL_CALLER");
        assertThat(run.get("results").findValues("fixes")).isNotEmpty();
        assertThat(run.get("results").findValues("relatedLocations")).isNotEmpty();
        assertThat(run.get("results").findValues("suppressions")).hasSize(4);
        // a free through a wrapper: the flow goes from the allocation into the wrapper and on to the free
        JsonNode through = null;
        for (JsonNode res : run.get("results")) {
            if (res.get("message").get("text").asText().startsWith("DrvFree frees table")) {
                through = res;
            }
        }
        assertThat(through).isNotNull();
        assertThat(through.at("/codeFlows/0/threadFlows/0/locations")).extracting(l -> l.at("/location/message/text").asText())
                .containsExactly("allocated by DrvAllocate with tag WTab and stored in table",
                        "DrvAllocate allocates with ExAllocatePool2 here", "freed by DrvFree with tag WBuf",
                        "DrvFree frees with ExFreePoolWithTag here");
        assertThat(through.at("/relatedLocations/0/physicalLocation/region/startLine").asInt()).isEqualTo(5);
    }

    @Test
    void theSchemaRejectsWhatIsNotSarif() throws IOException {
        String out = sarif(CASES + "PT003-untagged.c");
        assertThat(schema.validate(out, InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(out.replace("\"level\" : \"warning\"", "\"level\" : \"warn\""), InputFormat.JSON))
                .isNotEmpty();
        assertThat(schema.validate(out.replace("\"startLine\" : 4", "\"startLine\" : 0"), InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void sarifOfRealLookingTreesWithoutFindingsIsValidToo() {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"lint", "--format", "sarif", CASES + "PT001-negative.c"}, new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        assertThat(code).isEqualTo(ExitCode.OK.code());
        assertThat(schema.validate(out.toString(), InputFormat.JSON)).isEmpty();
    }

    @Test
    void everyRuleCarriesWhatCodeScanningSortsAndFiltersBy() throws IOException {
        JsonNode rules = new ObjectMapper().readTree(sarif(CASES + "PT003-untagged.c")).at("/runs/0/tool/driver/rules");
        for (JsonNode r : rules) {
            assertThat(r.get("helpUri").asText()).startsWith("https://learn.microsoft.com/");
            assertThat(r.at("/properties/precision").asText()).isIn("very-high", "high", "medium", "low");
            assertThat(r.at("/properties/problem.severity").asText()).isIn("error", "warning", "recommendation");
            assertThat(r.at("/properties/tags")).isNotEmpty();
            assertThat(r.at("/fullDescription/text").asText().length()).isLessThanOrEqualTo(1024);
        }
        // the bug-check rules are security results with a score; the others are not
        assertThat(rules.get(4).at("/properties/security-severity").asText()).isEqualTo("6.5");
        assertThat(rules.get(4).get("helpUri").asText()).endsWith("bug-check-0xc2--bad-pool-caller");
        assertThat(rules.get(3).at("/properties").has("security-severity")).isFalse();
    }

    @Test
    void pathsAreRelativeToTheSourceRootEvenWhenGivenAbsolute() throws IOException {
        String abs = Path.of(CASES + "PT005-wrapper-functions").toAbsolutePath().toString();
        String out = sarif(abs);
        assertThat(schema.validate(out, InputFormat.JSON)).isEmpty();
        JsonNode root = new ObjectMapper().readTree(out);
        assertThat(GitHubSarifIngestion.problems(root)).isEmpty();
        assertThat(root.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo(CASES + "PT005-wrapper-functions/use.c");
        assertThat(out).doesNotContain(Path.of("").toAbsolutePath().toString() + "/src");
    }

    @Test
    void aFindingKeepsItsFingerprintsWhenItsLinesMove(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        String code = "VOID F(VOID)\n{\n    PVOID p = ExAllocatePool2(POOL_FLAG_PAGED, 8, 'gaTx');\n"
                + "    ExFreePoolWithTag(p, 'gaTy');\n}\n";
        Path file = dir.resolve("moved.c");
        Files.writeString(file, code);
        JsonNode before = new ObjectMapper().readTree(sarifIn(dir, file.toString())).at("/runs/0/results/0");
        Files.writeString(file, "// a comment added above\n\n" + code);
        JsonNode after = new ObjectMapper().readTree(sarifIn(dir, file.toString())).at("/runs/0/results/0");
        assertThat(after.at("/locations/0/physicalLocation/region/startLine").asInt())
                .isEqualTo(before.at("/locations/0/physicalLocation/region/startLine").asInt() + 2);
        assertThat(after.get("partialFingerprints")).isEqualTo(before.get("partialFingerprints"));
        assertThat(after.at("/partialFingerprints/primaryLocationLineHash").asText()).matches("[0-9a-f]{16}:1");
    }

    /** SARIF of a lint with the source root given. */
    static String sarifIn(Path root, String path) {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"lint", "--format", "sarif", "--source-root", root.toString(), path},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(code).isIn(ExitCode.OK.code(), ExitCode.FINDINGS.code());
        return out.toString();
    }

    @Test
    void theIngestionCheckRejectsWhatGitHubWouldNot() throws IOException {
        ObjectMapper m = new ObjectMapper();
        String good = sarif(CASES + "PT005-error-path.cpp");
        assertThat(GitHubSarifIngestion.problems(m.readTree(good))).isEmpty();
        JsonNode noFingerprint = m.readTree(good);
        ((ObjectNode) noFingerprint.at("/runs/0/results/0")).remove("partialFingerprints");
        assertThat(GitHubSarifIngestion.problems(noFingerprint)).singleElement().asString()
                .contains("primaryLocationLineHash is required");
        JsonNode absolute = m.readTree(good.replace("\"uri\" : \"src/test", "\"uri\" : \"/home/someone/src/test"));
        assertThat(GitHubSarifIngestion.problems(absolute)).anySatisfy(p -> assertThat(p).contains("not relative"));
        JsonNode pathInMessage = m.readTree(good);
        ((ObjectNode) pathInMessage.at("/runs/0/results/0/message")).put("text", "freed at /home/someone/x.c(3,4)");
        assertThat(GitHubSarifIngestion.problems(pathInMessage)).anySatisfy(p -> assertThat(p).contains("absolute path"));
        JsonNode badRule = m.readTree(good);
        ((ObjectNode) badRule.at("/runs/0/tool/driver/rules/0/properties")).put("precision", "exact")
                .put("security-severity", "11");
        ((ObjectNode) badRule.at("/runs/0/tool/driver/rules/0/fullDescription")).put("text", "x".repeat(1025));
        assertThat(GitHubSarifIngestion.problems(badRule)).hasSize(4);
    }
}
