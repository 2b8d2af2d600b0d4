package dev.pooltags.source;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

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

    /**
     * How one configuration file words its refusals of a value of the wrong shape: each file keeps its own voice
     * (serve's web config takes the Prometheus exporter toolkit's keys, so a key it lacks is "not supported by
     * pooltags"; the lint config's keys are pooltags' own). Each is a {@link String#format} pattern over what holds
     * the value ({@code %s}, or {@code %2$s} beside a key's {@code %1$s}).
     *
     * @param notMapping     a value that should be keys and values
     * @param notSingleValue a value that should be one scalar
     * @param keyOf          what a key of a mapping is called, in the refusal of a key that is not a single value
     * @param unknownKey     a key not among those allowed; {@code %3$s} lists the allowed ones
     * @param repeatedKey    a key given twice in one mapping, or null where the last one counts
     */
    public record Refusals(String notMapping, String notSingleValue, String keyOf, String unknownKey, String repeatedKey) {}

    /**
     * The nodes of one configuration file, read with that file's wording of refusals.
     *
     * @param file     the file as the user named it, for every refusal
     * @param refusals how the file words them
     */
    public record FileNodes(String file, Refusals refusals) {
        /**
         * A mapping's entries in file order, each key's text with its value's node; a node that is not a mapping, a key
         * that is not a single value, a key outside {@code allowed} (when given) and a repeated key (where the wording
         * refuses repeats) are refused naming the file and the line.
         */
        public Map<String, Node> mapping(Node n, String what, Set<String> allowed) {
            if (!(n instanceof MappingNode mn)) {
                throw new InputException(file, line(n), String.format(refusals.notMapping(), what));
            }
            Map<String, Node> out = new LinkedHashMap<>();
            for (NodeTuple t : mn.getValue()) {
                String k = scalar(t.getKeyNode(), String.format(refusals.keyOf(), what));
                if (allowed != null && !allowed.contains(k)) {
                    throw new InputException(file, line(t.getKeyNode()), String.format(refusals.unknownKey(), k, what,
                            String.join(", ", new TreeSet<>(allowed))));
                }
                if (refusals.repeatedKey() != null && out.containsKey(k)) {
                    throw new InputException(file, line(t.getKeyNode()), String.format(refusals.repeatedKey(), k, what));
                }
                out.put(k, t.getValueNode());
            }
            return out;
        }

        /** A sequence's items; any other node is refused with {@code refusal}, naming the file and the line. */
        public List<Node> sequence(Node n, String refusal) {
            if (!(n instanceof SequenceNode seq)) {
                throw new InputException(file, line(n), refusal);
            }
            return seq.getValue();
        }

        /** A single value's text; any other node is refused naming the file and the line. */
        public String scalar(Node n, String what) {
            if (!(n instanceof ScalarNode s)) {
                throw new InputException(file, line(n), String.format(refusals.notSingleValue(), what));
            }
            return s.getValue();
        }
    }

    /** The 1-based line where {@code n} starts, or 0 where it is not known. */
    public static int line(Node n) {
        return n == null || n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }
}
