package dev.pooltags.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicAuthTest {
    private static String header(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsTheRightPasswordOnlyWhateverTheBcryptPrefix() {
        String hash = BasicAuth.hash("s3cret:with colon");
        assertThat(hash).startsWith("$2a$10$").hasSize(60);
        // htpasswd writes $2y$, Go and OpenBSD $2a$/$2b$: the same hash under each prefix must verify
        for (String prefix : new String[] {"$2a$", "$2b$", "$2y$"}) {
            BasicAuth auth = new BasicAuth(Map.of("prometheus", prefix + hash.substring(4)));
            assertThat(auth.authenticate(header("prometheus", "s3cret:with colon"))).isEqualTo("prometheus");
            assertThat(auth.authenticate(header("prometheus", "s3cret"))).isNull();
            assertThat(auth.authenticate(header("other", "s3cret:with colon"))).isNull();
        }
    }

    @Test
    void malformedHeadersAreRejected() {
        BasicAuth auth = new BasicAuth(Map.of("u", BasicAuth.hash("p")));
        assertThat(auth.authenticate(null)).isNull();
        assertThat(auth.authenticate("Bearer abc")).isNull();
        assertThat(auth.authenticate("Basic !!!notbase64")).isNull();
        assertThat(auth.authenticate("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes()))).isNull();
        assertThat(auth.authenticate(header("u", "p"))).isEqualTo("u");
        assertThat(auth.authenticate(header("u", "p"))).as("remembered").isEqualTo("u");
    }

    /** A published bcrypt test vector (OpenBSD's regress suite: "U*U" at cost 5). */
    @Test
    void verifiesAKnownVector() {
        BasicAuth auth = new BasicAuth(Map.of("u", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"));
        assertThat(auth.authenticate(header("u", "U*U"))).isEqualTo("u");
        assertThat(auth.authenticate(header("u", "U*V"))).isNull();
    }
}
