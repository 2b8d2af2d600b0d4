package dev.pooltags.serve;

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
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a web configuration file. Keys are those of the Prometheus exporter toolkit's {@code web-config.yml}; a key
 * pooltags does not implement is an error naming it (never silently ignored: a security setting that is ignored is
 * worse than a refusal). Relative file names are read from the configuration file's folder.
 *
 * <pre>
 * tls_server_config:
 *   cert_file: server.crt
 *   key_file: server.key
 *   client_auth_type: RequireAndVerifyClientCert   # optional
 *   client_ca_file: clients.crt                     # optional
 *   min_version: TLS12                              # optional
 * basic_auth_users:
 *   prometheus: $2y$10$...                          # bcrypt, e.g. from 'pooltags serve --hash-password'
 * http_server_config:
 *   headers:
 *     Strict-Transport-Security: max-age=31536000
 * </pre>
 */
public final class WebConfigReader {
    /** In the exporter toolkit's terms, a key it has and pooltags lacks is "not supported"; a key given twice is refused. */
    private static final YamlNodes.Refusals REFUSALS = new YamlNodes.Refusals("%s must be a mapping of keys to values",
            "%s must be a single value", "%s key", "'%1$s' in %2$s is not supported by pooltags (supported: %3$s)",
            "'%1$s' appears twice in %2$s");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    private static final Set<String> CLIENT_AUTH = Set.of("NoClientCert", "VerifyClientCertIfGiven",
            "RequireAndVerifyClientCert");
    private static final Set<String> VERSIONS = Set.of("TLS12", "TLS13");

    private final String file;
    private final YamlNodes.FileNodes nodes;
    private final Path dir;

    private WebConfigReader(Path path) {
        this.file = path.toString();
        Path parent = path.toAbsolutePath().getParent();
        this.dir = parent != null ? parent : Path.of(".");
        this.nodes = new YamlNodes.FileNodes(file, REFUSALS);
    }

    /** Reads and checks the file; every problem is an {@link InputException} with the file and line. */
    public static WebConfig read(Path path) {
        String text = new String(TextFiles.readAllBytes(path, TextFiles.CONFIG), StandardCharsets.UTF_8);
        return new WebConfigReader(path).parse(text);
    }

    /** Reads the text of a file named {@code path} (for tests and for callers that hold the text). */
    static WebConfig parse(Path path, String text) {
        return new WebConfigReader(path).parse(text);
    }

    private WebConfig parse(String text) {
        Node root = YamlNodes.compose(file, text);
        if (root == null) {
            return WebConfig.NONE; // an empty file configures nothing, as in the exporter toolkit
        }
        Map<String, Node> top = nodes.mapping(root, "the file", Set.of("tls_server_config", "basic_auth_users",
                "http_server_config"));
        WebConfig.Tls tls = top.containsKey("tls_server_config") ? tls(top.get("tls_server_config")) : null;
        Map<String, String> users = new LinkedHashMap<>();
        if (top.containsKey("basic_auth_users")) {
            Node n = top.get("basic_auth_users");
            for (Map.Entry<String, Node> e : nodes.mapping(n, "basic_auth_users", null).entrySet()) {
                String hash = nodes.scalar(e.getValue(), "basic_auth_users." + e.getKey());
                if (!BCRYPT.matcher(hash).matches()) {
                    throw new InputException(file, line(e.getValue()), "basic_auth_users." + e.getKey()
                            + ": not a bcrypt hash ($2y$10$ and 53 characters); make one with "
                            + "'pooltags serve --hash-password' or 'htpasswd -nBC 10 \"\" | tr -d :'");
                }
                if (e.getKey().isEmpty() || e.getKey().contains(":")) {
                    throw new InputException(file, line(e.getValue()), "basic_auth_users: a user name must be "
                            + "non-empty and must not contain ':' (got '" + e.getKey() + "')");
                }
                users.put(e.getKey(), hash);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (top.containsKey("http_server_config")) {
            Map<String, Node> http = nodes.mapping(top.get("http_server_config"), "http_server_config", Set.of("headers"));
            if (http.containsKey("headers")) {
                for (Map.Entry<String, Node> e : nodes.mapping(http.get("headers"), "http_server_config.headers", null)
                        .entrySet()) {
                    String v = nodes.scalar(e.getValue(), "headers." + e.getKey());
                    if (!e.getKey().matches("[A-Za-z0-9-]+") || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
                        throw new InputException(file, line(e.getValue()), "http_server_config.headers: '"
                                + e.getKey() + "' is not a valid header name and single-line value");
                    }
                    headers.put(e.getKey(), v);
                }
            }
        }
        return new WebConfig(tls, users, headers);
    }

    private WebConfig.Tls tls(Node n) {
        Map<String, Node> m = nodes.mapping(n, "tls_server_config", Set.of("cert_file", "key_file", "client_auth_type",
                "client_ca_file", "min_version", "max_version", "cipher_suites"));
        if (!m.containsKey("cert_file") || !m.containsKey("key_file")) {
            throw new InputException(file, line(n), "tls_server_config needs both cert_file and key_file");
        }
        Path cert = path(m.get("cert_file"), "cert_file");
        Path key = path(m.get("key_file"), "key_file");
        String clientAuth = m.containsKey("client_auth_type") ? nodes.scalar(m.get("client_auth_type"), "client_auth_type")
                : "NoClientCert";
        if (!CLIENT_AUTH.contains(clientAuth)) {
            throw new InputException(file, line(m.get("client_auth_type")), "client_auth_type '" + clientAuth
                    + "' is not supported: use NoClientCert, VerifyClientCertIfGiven or RequireAndVerifyClientCert");
        }
        Path ca = m.containsKey("client_ca_file") ? path(m.get("client_ca_file"), "client_ca_file") : null;
        if (!clientAuth.equals("NoClientCert") && ca == null) {
            throw new InputException(file, line(m.get("client_auth_type")), "client_auth_type " + clientAuth
                    + " needs client_ca_file (the certificates client certificates must chain to)");
        }
        String min = version(m, "min_version", "TLS12");
        String max = version(m, "max_version", "TLS13");
        if (min.compareTo(max) > 0) {
            throw new InputException(file, line(m.get("min_version")), "min_version " + min + " is above max_version "
                    + max);
        }
        List<String> suites = new ArrayList<>();
        if (m.containsKey("cipher_suites")) {
            for (Node item : nodes.sequence(m.get("cipher_suites"), "cipher_suites must be a list of cipher suite names")) {
                suites.add(nodes.scalar(item, "cipher_suites"));
            }
        }
        return new WebConfig.Tls(cert, key, clientAuth, ca, min, max, suites);
    }

    private String version(Map<String, Node> m, String key, String dflt) {
        if (!m.containsKey(key)) {
            return dflt;
        }
        String v = nodes.scalar(m.get(key), key);
        if (!VERSIONS.contains(v)) {
            throw new InputException(file, line(m.get(key)), key + " '" + v + "' is not supported: use TLS12 or TLS13");
        }
        return v;
    }

    private Path path(Node n, String key) {
        String v = nodes.scalar(n, key);
        if (v.isEmpty()) {
            throw new InputException(file, line(n), key + " is empty");
        }
        return dir.resolve(v).normalize();
    }

    private static int line(Node n) {
        return YamlNodes.line(n);
    }
}
