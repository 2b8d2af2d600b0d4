package dev.pooltags.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pooltags.source.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys and certificates written by OpenSSL in each encoding a web config may name. */
class PemFilesTest {
    @TempDir
    Path dir;

    private void openssl(String... args) throws Exception {
        Path openssl = Tools.require("openssl");
        List<String> cmd = new java.util.ArrayList<>(List.of(openssl.toString()));
        cmd.addAll(List.of(args));
        Tools.Result r = Tools.run(dir, new byte[0], cmd);
        assertThat(r.exit()).as(r.out()).isZero();
    }

    private X509Certificate certFor(String key) throws Exception {
        openssl("req", "-x509", "-key", key, "-out", key + ".crt", "-days", "1", "-subj", "/CN=localhost");
        return PemFiles.certificates(dir.resolve(key + ".crt")).get(0);
    }

    @Test
    void readsPkcs8Pkcs1Sec1AndEd25519Keys() throws Exception {
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa8.pem");
        openssl("genrsa", "-traditional", "-out", "rsa1.pem", "2048");
        openssl("ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "ec1.pem");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp384r1", "-out", "ec8.pem");
        openssl("genpkey", "-algorithm", "ed25519", "-out", "ed.pem");
        assertThat(Files.readString(dir.resolve("rsa1.pem"))).contains("BEGIN RSA PRIVATE KEY");
        assertThat(Files.readString(dir.resolve("ec1.pem"))).contains("BEGIN EC PRIVATE KEY");
        for (String k : new String[] {"rsa8.pem", "rsa1.pem", "ec1.pem", "ec8.pem", "ed.pem"}) {
            PrivateKey key = PemFiles.privateKey(dir.resolve(k));
            assertThat(TlsContext.keyMatches(key, certFor(k))).as(k).isTrue();
        }
    }

    @Test
    void wrongEncryptedOrMissingKeysAreInputErrors() throws Exception {
        openssl("ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "a.pem");
        openssl("ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "b.pem");
        X509Certificate certA = certFor("a.pem");
        assertThat(TlsContext.keyMatches(PemFiles.privateKey(dir.resolve("b.pem")), certA)).isFalse();
        openssl("pkcs8", "-topk8", "-in", "a.pem", "-out", "enc.pem", "-passout", "pass:x");
        assertThatThrownBy(() -> PemFiles.privateKey(dir.resolve("enc.pem"))).isInstanceOf(InputException.class)
                .hasMessageContaining("encrypted");
        assertThatThrownBy(() -> PemFiles.privateKey(dir.resolve("a.pem.crt"))).isInstanceOf(InputException.class)
                .hasMessageContaining("no PEM private key");
        assertThatThrownBy(() -> PemFiles.certificates(dir.resolve("a.pem"))).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> PemFiles.certificates(dir.resolve("missing.crt"))).isInstanceOf(InputException.class)
                .hasMessageContaining("no such file");
    }
}
