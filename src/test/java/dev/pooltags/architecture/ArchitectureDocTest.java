package dev.pooltags.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/architecture.md states exactly the floors and arrows the ArchUnit rules enforce. */
class ArchitectureDocTest {
    @Test
    void theTableOfTheDocIsTheTableOfTheTest() throws Exception {
        Map<String, List<String>> floors = new LinkedHashMap<>();
        Map<String, List<String>> mayImport = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("docs/architecture.md"))) {
            String[] cells = line.split("\\|");
            if (cells.length != 5 || !cells[2].trim().startsWith("`")) {
                continue;
            }
            String floor = cells[1].trim();
            List<String> packages = names(cells[2]);
            floors.computeIfAbsent(floor, f -> new ArrayList<>()).addAll(packages);
            String imports = cells[4].trim();
            if (!imports.startsWith("any") && !imports.equals("everything")) {
                mayImport.put(packages.get(0), imports.equals("nothing of pooltags") ? List.of() : names(imports));
            }
        }
        assertThat(floors).isEqualTo(Layering.FLOORS);
        assertThat(mayImport).isEqualTo(Layering.MAY_IMPORT);
    }

    private static List<String> names(String cell) {
        return Arrays.stream(cell.split(",")).map(s -> s.trim().replace("`", "")).toList();
    }
}
