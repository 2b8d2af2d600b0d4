package dev.pooltags.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pooltags.source.InputException;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class WebConfigReaderTest {
    private static final Path FILE = Path.of("/etc/pooltags/web.yml");
    private static final String HASH = "$2y$10$" + "a".repeat(53);

    private static WebConfig parse(String text) {
        return WebConfigReader.parse(FILE, text);
    }

    @Test
    void readsTheExporterToolkitKeys() {
        WebConfig c = parse("""
                tls_server_config:
                  cert_file: server.crt
                  key_file: /abs/server.key
                  client_auth_type: RequireAndVerifyClientCert
                  client_ca_file: ca.crt
                  min_version: TLS13
                  cipher_suites: [TLS_AES_128_GCM_SHA256]
                basic_auth_users:
                  prometheus: %s
                http_server_config:
                  headers:
                    Strict-Transport-Security: max-age=31536000
                """.formatted(HASH));
        assertThat(c.tls().certFile()).isEqualTo(Path.of("/etc/pooltags/server.crt"));
        assertThat(c.tls().keyFile()).isEqualTo(Path.of("/abs/server.key"));
        assertThat(c.tls().clientCaFile()).isEqualTo(Path.of("/etc/pooltags/ca.crt"));
        assertThat(c.tls().minVersion()).isEqualTo("TLS13");
        assertThat(c.tls().maxVersion()).isEqualTo("TLS13");
        assertThat(c.tls().cipherSuites()).containsExactly("TLS_AES_128_GCM_SHA256");
        assertThat(c.users()).containsEntry("prometheus", HASH);
        assertThat(c.headers()).containsEntry("Strict-Transport-Security", "max-age=31536000");
        assertThat(parse("")).isEqualTo(WebConfig.NONE);
    }

    @Test
    void everyProblemNamesFileAndLine() {
        assertProblem("tls_server_config:\n  cert_file: a\n  key_file: b\n  curve_preferences: [X25519]\n",
                "/etc/pooltags/web.yml:4: 'curve_preferences' in tls_server_config is not supported by pooltags");
        assertProblem("basic_auth_users:\n  alice: plaintext\n",
                "/etc/pooltags/web.yml:2: basic_auth_users.alice: not a bcrypt hash");
        assertProblem("tls_server_config:\n  cert_file: a\n", "/etc/pooltags/web.yml:2: tls_server_config needs both");
        assertProblem("tls_server_config:\n  cert_file: a\n  key_file: b\n  client_auth_type: RequireAnyClientCert\n",
                "/etc/pooltags/web.yml:4: client_auth_type 'RequireAnyClientCert' is not supported");
        assertProblem("tls_server_config:\n  cert_file: a\n  key_file: b\n  min_version: TLS10\n",
                "/etc/pooltags/web.yml:4: min_version 'TLS10' is not supported");
        assertProblem("basic_auth_users:\n  a: %s\n  a: %s\n".formatted(HASH, HASH),
                "/etc/pooltags/web.yml:3: 'a' appears twice in basic_auth_users");
        assertProblem("tls_server_config: [1, 2\n", "/etc/pooltags/web.yml:");
        assertProblem("http_server_config:\n  http2: true\n", "/etc/pooltags/web.yml:2: 'http2' in http_server_config is not supported");
    }

    private static void assertProblem(String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(InputException.class).hasMessageStartingWith(message);
    }

    /** Whatever the bytes, the reader answers with a configuration or one InputException, nothing else. */
    @Property(tries = 500)
    void anyTextGivesAConfigOrAnInputError(@ForAll String text) {
        try {
            parse(text);
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith("/etc/pooltags/web.yml");
        }
    }

    @Property(tries = 300)
    void mutatedValidConfigsGiveAConfigOrAnInputError(@ForAll("mutations") String text) {
        try {
            parse(text);
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith("/etc/pooltags/web.yml");
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> mutations() {
        String valid = "tls_server_config:\n  cert_file: s.crt\n  key_file: s.key\n  min_version: TLS12\n"
                + "basic_auth_users:\n  u: " + HASH + "\nhttp_server_config:\n  headers:\n    X-A: b\n";
        return net.jqwik.api.Arbitraries.integers().between(0, valid.length() - 1)
                .flatMap(pos -> net.jqwik.api.Arbitraries.chars().map(c -> valid.substring(0, pos) + c
                        + valid.substring(pos + 1)));
    }
}
