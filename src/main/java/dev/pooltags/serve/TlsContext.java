package dev.pooltags.serve;

import dev.pooltags.source.InputException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/** Builds the server's TLS setup from a {@link WebConfig.Tls}: key and chain, protocols, suites, client certs. */
public final class TlsContext {
    private TlsContext() {}

    /**
     * A new server-side engine per connection, set up as the configuration says; files are read and checked now,
     * not at the first handshake.
     */
    public static Supplier<SSLEngine> engines(WebConfig.Tls tls) {
        List<X509Certificate> chain = PemFiles.certificates(tls.certFile());
        PrivateKey key = PemFiles.privateKey(tls.keyFile());
        try {
            char[] pw = new char[0];
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", key, pw, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            TrustManagerFactory tmf = null;
            if (tls.clientCaFile() != null) {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                int i = 0;
                for (X509Certificate c : PemFiles.certificates(tls.clientCaFile())) {
                    trust.setCertificateEntry("ca" + i++, c);
                }
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            // a key that does not belong to the certificate would only fail at the first handshake: check now
            if (!keyMatches(key, chain.get(0))) {
                throw new InputException(tls.keyFile(), "this private key does not belong to the certificate in "
                        + tls.certFile());
            }
            List<String> protocols = new ArrayList<>();
            if (tls.minVersion().equals("TLS12")) {
                protocols.add("TLSv1.2");
            }
            if (tls.maxVersion().equals("TLS13")) {
                protocols.add("TLSv1.3");
            }
            SSLParameters defaults = ctx.getDefaultSSLParameters();
            List<String> supported = Arrays.asList(ctx.getSupportedSSLParameters().getCipherSuites());
            for (String s : tls.cipherSuites()) {
                if (!supported.contains(s)) {
                    throw new InputException("", 0, "cipher suite '" + s + "' is not supported by this Java runtime");
                }
            }
            String[] suites = tls.cipherSuites().isEmpty() ? defaults.getCipherSuites()
                    : tls.cipherSuites().toArray(new String[0]);
            String clientAuth = tls.clientAuth();
            SSLParameters p = ctx.getDefaultSSLParameters();
            p.setProtocols(protocols.toArray(new String[0]));
            p.setCipherSuites(suites);
            p.setUseCipherSuitesOrder(true);
            p.setNeedClientAuth(clientAuth.equals("RequireAndVerifyClientCert"));
            if (clientAuth.equals("VerifyClientCertIfGiven")) {
                p.setWantClientAuth(true);
            }
            return () -> {
                SSLEngine e = ctx.createSSLEngine();
                e.setUseClientMode(false);
                e.setSSLParameters(p);
                return e;
            };
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new InputException(tls.certFile(), "cannot set up TLS with this certificate and key ("
                    + tls.keyFile() + "): " + e.getMessage());
        }
    }

    /** Signs a few bytes with the key and checks the signature with the certificate's public key. */
    static boolean keyMatches(PrivateKey key, X509Certificate cert) {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "RSASSA-PSS" -> "RSASSA-PSS";
            default -> key.getAlgorithm(); // Ed25519, Ed448
        };
        try {
            byte[] data = "pooltags".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(alg);
            if (alg.equals("RSASSA-PSS")) {
                s.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                        java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
            }
            s.initSign(key);
            s.update(data);
            byte[] sig = s.sign();
            s.initVerify(cert.getPublicKey());
            s.update(data);
            return s.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
