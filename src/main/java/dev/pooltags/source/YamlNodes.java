package dev.pooltags.source;

import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A YAML configuration file (the lint config, serve's web config) composed into SnakeYAML's node tree, so each
 * reader can name the line of every value it refuses. Composed with the same guards for both: no duplicate keys,
 * few aliases (no alias bombs), at most 1 Mi code points.
 */
public final class YamlNodes {
    private YamlNodes() {
    }

    /** The document's root node, or null for an empty file; text that is not YAML is refused naming {@code file}. */
    public static Node compose(String file, String text) {
        LoaderOptions opts = new LoaderOptions();
        opts.setAllowDuplicateKeys(false);
        opts.setMaxAliasesForCollections(10);
        opts.setCodePointLimit(1 << 20);
        try {
            return new Yaml(opts).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new InputException(file, line, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new InputException(file, 0, "not valid YAML: " + e.getMessage());
        }
    }

    /** The 1-based line where {@code n} starts, or 0 where it is not known. */
    public static int line(Node n) {
        return n == null || n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }
}
