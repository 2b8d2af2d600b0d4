package dev.pooltags.serve;

import dev.pooltags.source.InputException;
import dev.pooltags.source.TextFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM files a web configuration names: certificate chains, and unencrypted private keys in the three
 * encodings OpenSSL writes ({@code PRIVATE KEY} = PKCS#8, {@code RSA PRIVATE KEY} = PKCS#1,
 * {@code EC PRIVATE KEY} = SEC1). The last two are wrapped into PKCS#8, which is what the JDK reads.
 */
public final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    /** 1.2.840.113549.1.1.1 rsaEncryption. */
    private static final byte[] OID_RSA = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01,
        0x01, 0x01};
    /** 1.2.840.10045.2.1 id-ecPublicKey. */
    private static final byte[] OID_EC = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};

    private PemFiles() {}

    /** Every certificate of a PEM file, in file order. */
    public static List<X509Certificate> certificates(Path file) {
        byte[] bytes = TextFiles.readAllBytes(file, TextFiles.CONFIG);
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new InputException(file, "no PEM certificate (-----BEGIN CERTIFICATE-----) in the file");
            }
            return out;
        } catch (CertificateException e) {
            throw new InputException(file, "not a PEM certificate file: " + e.getMessage());
        }
    }

    /** The private key of a PEM file. */
    public static PrivateKey privateKey(Path file) {
        String text = new String(TextFiles.readAllBytes(file, TextFiles.CONFIG), StandardCharsets.US_ASCII);
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            if (!type.endsWith("PRIVATE KEY")) {
                continue;
            }
            if (text.contains("Proc-Type: 4,ENCRYPTED") || type.equals("ENCRYPTED PRIVATE KEY")) {
                break;
            }
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(2));
            } catch (IllegalArgumentException e) {
                throw new InputException(file, "the " + type + " block is not valid base64");
            }
            byte[] pkcs8 = switch (type) {
                case "PRIVATE KEY" -> der;
                case "RSA PRIVATE KEY" -> pkcs8(seq(OID_RSA, new byte[] {0x05, 0x00}), der);
                case "EC PRIVATE KEY" -> pkcs8(seq(OID_EC, curveOf(file, der)), der);
                default -> throw new InputException(file, "unsupported key type '" + type + "'");
            };
            for (String alg : new String[] {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS"}) {
                try {
                    return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                } catch (GeneralSecurityException e) {
                    // not this algorithm: try the next
                }
            }
            throw new InputException(file, "the private key is not an RSA, EC or EdDSA key the JDK can read");
        }
        if (text.contains("ENCRYPTED")) {
            throw new InputException(file, "the private key is encrypted; give an unencrypted key "
                    + "(openssl pkey -in KEY -out KEY.plain) and protect the file's permissions instead");
        }
        throw new InputException(file, "no PEM private key (-----BEGIN PRIVATE KEY-----) in the file");
    }

    /** The named-curve OID inside a SEC1 ECPrivateKey ([0] parameters), which PKCS#8 carries outside. */
    private static byte[] curveOf(Path file, byte[] sec1) {
        // ECPrivateKey ::= SEQUENCE { version INTEGER, privateKey OCTET STRING, [0] parameters, [1] publicKey }
        for (int i = 0; i + 2 < sec1.length; i++) {
            if ((sec1[i] & 0xFF) == 0xA0 && sec1[i + 2] == 0x06) {
                int len = sec1[i + 3] & 0xFF;
                byte[] oid = new byte[len + 2];
                System.arraycopy(sec1, i + 2, oid, 0, oid.length);
                return oid;
            }
        }
        throw new InputException(file, "the EC private key does not name its curve; convert it with "
                + "'openssl pkcs8 -topk8 -nocrypt'");
    }

    private static byte[] pkcs8(byte[] algorithmId, byte[] key) {
        byte[] version = {0x02, 0x01, 0x00};
        return seq(version, algorithmId, tlv(0x04, key));
    }

    private static byte[] seq(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return tlv(0x30, b.toByteArray());
    }

    /** DER tag-length-value. */
    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(tag);
        int n = value.length;
        if (n < 0x80) {
            b.write(n);
        } else if (n < 0x100) {
            b.write(0x81);
            b.write(n);
        } else if (n < 0x10000) {
            b.write(0x82);
            b.write(n >> 8);
            b.write(n);
        } else {
            b.write(0x83);
            b.write(n >> 16);
            b.write(n >> 8);
            b.write(n);
        }
        b.writeBytes(value);
        return b.toByteArray();
    }
}
