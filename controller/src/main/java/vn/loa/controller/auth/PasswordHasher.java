package vn.loa.controller.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes (salted, memory-hard) in PHC string form, via Password4j. Parameters
 * follow OWASP's minimum for Argon2id: 19 MiB of memory, 2 iterations, 1 lane.
 */
public final class PasswordHasher {
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;

    private final Argon2Function function =
            Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID);
    private final String dummyHash = hash("loa-dummy-password-for-unknown-users");

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
    }

    public boolean verify(String password, String storedHash) {
        try {
            return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Spends the same effort as a real check, so an unknown username takes as long as a wrong password. */
    public void verifyAgainstDummy(String password) {
        verify(password, dummyHash);
    }
}
