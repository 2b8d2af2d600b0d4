package dev.pooltags.serve;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the web configuration file ({@code --web-config}) says, in the format of Prometheus exporters'
 * {@code web-config.yml}: TLS, basic-auth users with bcrypt hashes, extra response headers.
 *
 * @param tls     TLS settings, or null for plain HTTP
 * @param users   user name to bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}); empty: no authentication
 * @param headers extra response headers (such as {@code Strict-Transport-Security})
 */
public record WebConfig(Tls tls, Map<String, String> users, Map<String, String> headers) {
    public static final WebConfig NONE = new WebConfig(null, Map.of(), Map.of());

    public WebConfig {
        users = Map.copyOf(users);
        headers = Map.copyOf(headers);
    }

    /**
     * {@code tls_server_config}.
     *
     * @param certFile     PEM certificate chain, server certificate first
     * @param keyFile      PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC), unencrypted
     * @param clientAuth   {@code NoClientCert}, {@code VerifyClientCertIfGiven} or {@code RequireAndVerifyClientCert}
     * @param clientCaFile PEM certificates that client certificates must chain to, or null
     * @param minVersion   lowest protocol: {@code TLS12} (default) or {@code TLS13}
     * @param maxVersion   highest protocol: {@code TLS13} (default) or {@code TLS12}
     * @param cipherSuites cipher suites by IANA name (Go and Java use the same names), empty for the JDK's defaults
     */
    public record Tls(Path certFile, Path keyFile, String clientAuth, Path clientCaFile, String minVersion,
            String maxVersion, List<String> cipherSuites) {
        public Tls {
            cipherSuites = List.copyOf(cipherSuites);
        }
    }

    public boolean authenticates() {
        return !users.isEmpty();
    }
}
