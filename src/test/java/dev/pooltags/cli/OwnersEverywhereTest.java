package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pooltags.tagdb.TagDatabase;
import dev.pooltags.tagdb.TagFileDiscovery;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Owners wherever a tag is shown: the demo's drivers (as PoolMon's /g shows Mapped_Driver) in the text table, JSON,
 * CSV and leaks; on Windows without Pooltag.txt, the drivers folder's own tags kept in the config folder.
 */
class OwnersEverywhereTest {
    @Test
    void theDemoCarriesItsDriversIntoEveryFormat() throws Exception {
        CliRun text = CliRun.of("snapshot", "--source", "demo:leak-fast", "--no-localtag", "--include", "Ntfx");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("# owners: demo:leak-fast drivers").contains("ntfs.sys - Ntfs!NtfsCreateFcb");

        CliRun json = CliRun.of("snapshot", "--source", "demo:leak-fast", "--no-localtag", "--include", "Ntfx", "--format", "json");
        JsonNode row = new ObjectMapper().readTree(json.out()).path("rows").get(0);
        assertThat(row.path("owner").path("binary").asText()).isEqualTo("ntfs.sys");
        assertThat(row.path("owner").path("description").asText()).isEqualTo("Ntfs!NtfsCreateFcb");

        CliRun csv = CliRun.of("snapshot", "--source", "demo:leak-fast", "--no-localtag", "--include", "Ntfx", "--format", "csv");
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).endsWith(",per_alloc,address,owner,owner_description");
        assertThat(lines).anyMatch(l -> l.contains(",tag,Ntfx,Nonp,") && l.endsWith(",,ntfs.sys,Ntfs!NtfsCreateFcb"));

        CliRun once = CliRun.of("top", "--source", "demo:leak-fast", "--no-localtag", "--once");
        assertThat(once.out()).contains("owners: demo:leak-fast drivers").contains("Leak").contains("Owner")
                .contains("tcpip.sys - tcpip!TcpCreateAndConnectTcb");
    }

    @Test
    void aFileWrittenWithOwnersReadsBackTheSame(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("s.csv");
        Path json = dir.resolve("s.jsonl");
        assertThat(CliRun.of("snapshot", "--source", "demo:leak-fast", "--no-localtag", "--format", "csv", "-o", csv.toString()).code()).isZero();
        assertThat(CliRun.of("convert", csv.toString(), "--no-localtag", "--format", "json", "-o", json.toString()).code()).isZero();
        CliRun again = CliRun.of("snapshot", "--source", "replay:" + json, "--no-localtag", "--sort", "tag");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("owners: demo:leak-fast drivers").contains("MmSt").contains("nt!MiCreateImageFileMap");
    }

    @Test
    void leaksOfARecordedDemoNameTheLeakingDriver(@TempDir Path dir) {
        CliRun rec = CliRun.of("demo", "leak-fast", "--record", dir.resolve("d").toString());
        assertThat(rec.code()).as(rec.err()).isZero();
        CliRun leaks = CliRun.of("leaks", dir.resolve("d").resolve("snapshots.jsonl").toString(), "--no-localtag");
        assertThat(leaks.out().lines().filter(l -> l.startsWith("leak ") && l.contains("Lk2x")))
                .singleElement().asString().contains("leakydrv.sys");
    }

    @Test
    void windowsWithoutPooltagTxtReadsTheDriversFolderOnceAndAgainWhenItChanges(@TempDir Path dir) throws Exception {
        Path drivers = dir.resolve("Windows/System32/drivers");
        Files.createDirectories(drivers);
        Path netvideo = Files.copy(Path.of("src/test/resources/drivers/mingw-x64/netvideo.sys"), drivers.resolve("netvideo.sys"));
        Files.writeString(drivers.resolve("netvideo.inf"), "; not a driver binary\r\n");
        Path config = dir.resolve("AppData/Roaming");
        TagFileDiscovery windows = new TagFileDiscovery(Map.of("SystemRoot", dir.resolve("Windows").toString(),
                "APPDATA", config.toString()), true, dir, dir, Files::isRegularFile, p -> List.of());
        TagFileOptions o = new TagFileOptions();
        StringWriter err = new StringWriter();
        TagDatabase db = o.load(false, List.of("windows"), new PrintWriter(err, true), windows);
        Path kept = config.resolve("pooltags").resolve(DriverTagCache.FILE);
        assertThat(kept).exists();
        assertThat(err.toString()).contains("reading the tags of the 2 files in").contains(kept.toString());
        assertThat(o.origin()).isEqualTo("owners: " + DriverTagCache.FILE);
        assertThat(db.owner(dev.pooltags.tag.PoolTag.parse("Nv01")).binary()).isEqualTo("netvideo.sys");

        // the second time it is read, not made
        FileTime made = Files.getLastModifiedTime(kept);
        StringWriter quiet = new StringWriter();
        new TagFileOptions().load(false, List.of("windows"), new PrintWriter(quiet, true), windows);
        assertThat(quiet.toString()).isEmpty();
        assertThat(Files.getLastModifiedTime(kept)).isEqualTo(made);

        // a driver removed: made again, and its tags are gone
        Files.delete(netvideo);
        StringWriter again = new StringWriter();
        TagDatabase after = new TagFileOptions().load(false, List.of("windows"), new PrintWriter(again, true), windows);
        assertThat(again.toString()).contains("reading the tags of the 1 files");
        assertThat(after.owner(dev.pooltags.tag.PoolTag.parse("Nv01"))).isNull();

        // with a Pooltag.txt named, the drivers are not read
        Path pooltag = Files.writeString(dir.resolve("pooltag.txt"), "Nv01 - other.sys - named\r\n");
        TagFileOptions named = new TagFileOptions();
        named.tagfiles.add(pooltag);
        assertThat(named.load(false, List.of("windows"), new PrintWriter(new StringWriter()), windows)
                .owner(dev.pooltags.tag.PoolTag.parse("Nv01")).binary()).isEqualTo("other.sys");
    }
}
