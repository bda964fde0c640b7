package vn.loa.controller.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class MosquittoPasswordHashTest {
    /** Written by Mosquitto 2.0.11's {@code mosquitto_passwd -b -c passwd st-1 hunter2}. */
    private static final String FROM_MOSQUITTO_PASSWD = "$7$101$zZbQUbTKCF/i9/pW$VLI5n+wrcVPhs3b8h6QxlRzuRqbgsbFrp1sIFr6"
            + "dQUyjYD/7YcwXHFMSwobf6I1zHYH2O+oqqwH1tJtE0wOMEw==";

    @Test
    void readsTheHashMosquittoPasswdWrites() {
        assertThat(MosquittoPasswordHash.matches("hunter2", FROM_MOSQUITTO_PASSWD)).isTrue();
        assertThat(MosquittoPasswordHash.matches("hunter3", FROM_MOSQUITTO_PASSWD)).isFalse();
    }

    @Test
    void writesTheSameShapeWithAFreshSaltEachTime() {
        SecureRandom random = new SecureRandom();
        String first = MosquittoPasswordHash.hash("s3cret-password", random);
        String second = MosquittoPasswordHash.hash("s3cret-password", random);

        assertThat(first).matches("\\$7\\$101\\$[A-Za-z0-9+/]{16}\\$[A-Za-z0-9+/]{86}==");
        assertThat(first).isNotEqualTo(second);
        assertThat(MosquittoPasswordHash.matches("s3cret-password", first)).isTrue();
        assertThat(MosquittoPasswordHash.matches("s3cret-password", second)).isTrue();
        assertThat(MosquittoPasswordHash.matches("s3cret-passwore", first)).isFalse();
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThat(MosquittoPasswordHash.matches("x", null)).isFalse();
        assertThat(MosquittoPasswordHash.matches(null, FROM_MOSQUITTO_PASSWD)).isFalse();
        assertThat(MosquittoPasswordHash.matches("hunter2", "")).isFalse();
        assertThat(MosquittoPasswordHash.matches("hunter2", "$6$salt$hash")).isFalse();
        assertThat(MosquittoPasswordHash.matches("hunter2", "$7$abc$zZbQUbTKCF/i9/pW$AAAA")).isFalse();
        assertThat(MosquittoPasswordHash.matches("hunter2", "$7$101$not base64!$AAAA")).isFalse();
        assertThat(MosquittoPasswordHash.matches("hunter2", "$7$0$zZbQUbTKCF/i9/pW$AAAA")).isFalse();
    }
}
