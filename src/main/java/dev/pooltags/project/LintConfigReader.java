package dev.pooltags.project;

import dev.pooltags.core.PoolRoutine;
import dev.pooltags.source.InputException;
import dev.pooltags.source.TextFiles;
import dev.pooltags.source.YamlNodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a project's {@code .pooltags.yml}: the wrapper functions lint cannot infer, and the preprocessor symbols a
 * build defines. Every problem names the file and line; an unknown key is an error, not ignored.
 *
 * <pre>
 * wrappers:
 *   - function: MyPoolAlloc     # the name called
 *     kind: allocate            # allocate (returns the block), allocate-out, free or lookaside
 *     tag: 2                    # the 0-based argument holding the tag, or a tag: "'gaTM'" or MY_TAG
 *     pool-type: 0              # optional: the argument holding the POOL_TYPE (pool-flags: for POOL_FLAGS)
 *     pointer: 0                # allocate-out: the argument receiving the block; free: the block freed
 *     routine: ExAllocatePool2  # optional: the documented routine it ends in
 * defines: [DBG=1, MY_FEATURE]  # symbols the build defines, for #if
 * </pre>
 */
public final class LintConfigReader {
    /** What the file says. */
    public record Config(List<WrapperDeclaration> wrappers, Map<String, String> defines) {
        public static final Config NONE = new Config(List.of(), Map.of());
    }

    /** How this file words a value of the wrong shape; of a key given twice, the last one counts. */
    private static final YamlNodes.Refusals REFUSALS = new YamlNodes.Refusals("%s: expected keys and values",
            "%s: expected a single value", "%s", "%2$s: unknown key '%1$s' (known: %3$s)", null);

    private static final Set<String> WRAPPER_KEYS = Set.of("function", "kind", "tag", "pool-type", "pool-flags",
            "pointer", "routine");

    private final String file;
    private final YamlNodes.FileNodes nodes;
    private final String root;

    private LintConfigReader(String file, String root) {
        this.file = file;
        this.root = root;
        this.nodes = new YamlNodes.FileNodes(file, REFUSALS);
    }

    /** Reads {@code path}, shown as {@code shown}; its declarations apply below {@code root} ('/' terminated). */
    public static Config read(Path path, String shown, String root) {
        String text = new String(TextFiles.readAllBytes(path, TextFiles.CONFIG), StandardCharsets.UTF_8);
        return parse(shown, root, text);
    }

    static Config parse(String shown, String root, String text) {
        return new LintConfigReader(shown, root).parse(text);
    }

    private Config parse(String text) {
        Node top = YamlNodes.compose(file, text);
        if (top == null) {
            return Config.NONE;
        }
        Map<String, Node> m = nodes.mapping(top, "the file", Set.of("wrappers", "defines"));
        List<WrapperDeclaration> wrappers = new ArrayList<>();
        if (m.containsKey("wrappers")) {
            for (Node entry : nodes.sequence(m.get("wrappers"), "wrappers: expected a list of entries (- function: ...)")) {
                wrappers.add(wrapper(entry));
            }
        }
        Map<String, String> defines = new LinkedHashMap<>();
        if (m.containsKey("defines")) {
            for (Node n : nodes.sequence(m.get("defines"), "defines: expected a list such as [DBG=1, MY_FEATURE]")) {
                String s = nodes.scalar(n, "defines");
                int eq = s.indexOf('=');
                String name = eq < 0 ? s.trim() : s.substring(0, eq).trim();
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new InputException(file, line(n), "defines: '" + s + "' is not NAME or NAME=VALUE");
                }
                defines.put(name, eq < 0 ? "1" : s.substring(eq + 1).trim());
            }
        }
        return new Config(List.copyOf(wrappers), Map.copyOf(defines));
    }

    private WrapperDeclaration wrapper(Node n) {
        Map<String, Node> m = nodes.mapping(n, "a wrapper entry", WRAPPER_KEYS);
        if (!m.containsKey("function") || !m.containsKey("kind")) {
            throw new InputException(file, line(n), "a wrapper entry needs function: and kind:");
        }
        String function = nodes.scalar(m.get("function"), "function");
        if (!function.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new InputException(file, line(m.get("function")), "function: '" + function + "' is not a C name");
        }
        String kindText = nodes.scalar(m.get("kind"), "kind");
        PoolRoutine.Kind kind = switch (kindText) {
            case "allocate" -> PoolRoutine.Kind.ALLOCATE;
            case "allocate-out" -> PoolRoutine.Kind.ALLOCATE_OUT;
            case "free" -> PoolRoutine.Kind.FREE;
            case "lookaside" -> PoolRoutine.Kind.LOOKASIDE;
            default -> throw new InputException(file, line(m.get("kind")), "kind: '" + kindText
                    + "' is not one of allocate, allocate-out, free, lookaside");
        };
        int tagArg = -1;
        String fixedTag = null;
        if (m.containsKey("tag")) {
            String t = nodes.scalar(m.get("tag"), "tag");
            if (t.matches("\\d+")) {
                tagArg = index(m.get("tag"), "tag");
            } else {
                fixedTag = t;
            }
        } else if (kind != PoolRoutine.Kind.FREE) {
            throw new InputException(file, line(n), function + ": tag: is needed (an argument index or a tag)");
        }
        int pointer = m.containsKey("pointer") ? index(m.get("pointer"), "pointer") : -1;
        if ((kind == PoolRoutine.Kind.ALLOCATE_OUT || kind == PoolRoutine.Kind.FREE) && pointer < 0) {
            throw new InputException(file, line(n), function + ": pointer: is needed for kind " + kindText);
        }
        PoolRoutine routine;
        int routineLine = line(n);
        if (m.containsKey("routine")) {
            routineLine = line(m.get("routine"));
            String r = nodes.scalar(m.get("routine"), "routine");
            routine = PoolRoutine.byName(r);
            if (routine == null) {
                throw new InputException(file, line(m.get("routine")), "routine: '" + r + "' is not a pool routine "
                        + "pooltags knows");
            }
        } else {
            routine = switch (kind) {
                case FREE -> fixedTag == null && tagArg < 0 ? PoolRoutine.EX_FREE_POOL : PoolRoutine.EX_FREE_POOL_WITH_TAG;
                case LOOKASIDE -> PoolRoutine.EX_INITIALIZE_NPAGED_LOOKASIDE_LIST;
                default -> PoolRoutine.EX_ALLOCATE_POOL2;
            };
        }
        return new WrapperDeclaration(root, file, line(n), function, kind, tagArg, fixedTag,
                m.containsKey("pool-type") ? index(m.get("pool-type"), "pool-type") : -1,
                m.containsKey("pool-flags") ? index(m.get("pool-flags"), "pool-flags") : -1, pointer, routine, routineLine);
    }

    private int index(Node n, String key) {
        String s = nodes.scalar(n, key);
        if (!s.matches("\\d{1,2}")) {
            throw new InputException(file, line(n), key + ": '" + s + "' is not an argument index (0 for the first)");
        }
        return Integer.parseInt(s);
    }

    private static int line(Node n) {
        return YamlNodes.line(n);
    }
}
