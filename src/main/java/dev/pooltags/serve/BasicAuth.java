package dev.pooltags.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * HTTP basic authentication against bcrypt hashes, as the Prometheus exporter toolkit does it.
 *
 * <p>bcrypt is slow on purpose (tens of milliseconds at cost 10), so credentials that passed are remembered as a
 * SHA-256 digest of user, password and hash (never the password itself), and a scraper presenting them every 15
 * seconds pays the cost once. Unknown users are checked against a hash too, so response time does not tell
 * which user names exist.
 */
public final class BasicAuth {
    private static final int MAX_REMEMBERED = 256;

    private final Map<String, String> users;
    private final String decoy;
    private final Map<String, Boolean> passed = new ConcurrentHashMap<>();

    public BasicAuth(Map<String, String> users) {
        this.users = Map.copyOf(users);
        this.decoy = users.isEmpty() ? null : users.values().iterator().next();
    }

    /** A bcrypt hash of the password ({@code $2a$}, cost 10). */
    public static String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(10));
    }

    /** The user named by a valid {@code Authorization: Basic ...} header, or null. */
    public String authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String hash = users.get(user);
        if (hash == null) {
            check(password, decoy); // same work as for a known user
            return null;
        }
        String memo = digest(user, password, hash);
        if (passed.containsKey(memo)) {
            return user;
        }
        if (!check(password, hash)) {
            return null;
        }
        if (passed.size() >= MAX_REMEMBERED) {
            passed.clear();
        }
        passed.put(memo, Boolean.TRUE);
        return user;
    }

    private static boolean check(String password, String hash) {
        try {
            return hash != null && BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String digest(String user, String password, String hash) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(user.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(password.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(hash.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java runtime has SHA-256
        }
    }
}
