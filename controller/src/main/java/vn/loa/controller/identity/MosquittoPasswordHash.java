package vn.loa.controller.identity;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes in Mosquitto's password-file format, as {@code mosquitto_passwd} writes them:
 * {@code $7$<iterations>$<salt, base64>$<PBKDF2-HMAC-SHA512, base64>} with a 12-byte salt and a
 * 64-byte hash. One hash serves the embedded broker and a generated Mosquitto {@code passwd} file.
 * The passwords hashed here are random (128 bits or more), so Mosquitto's default iteration count
 * is enough: nobody guesses them from a stolen hash.
 */
public final class MosquittoPasswordHash {
    /** Mosquitto 2's default ({@code mosquitto_passwd} without {@code -I}). */
    public static final int ITERATIONS = 101;
    private static final int SALT_BYTES = 12;
    private static final int HASH_BYTES = 64;
    private static final int MAX_ITERATIONS = 1_000_000;

    private MosquittoPasswordHash() {
    }

    /** A new hash of the password with a fresh salt. */
    public static String hash(String password, SecureRandom random) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return format(ITERATIONS, salt, pbkdf2(password, salt, ITERATIONS, HASH_BYTES));
    }

    /** Whether the password matches the hash; false for a hash this class cannot read. */
    public static boolean matches(String password, String encoded) {
        if (password == null || encoded == null) {
            return false;
        }
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 5 || !parts[0].isEmpty() || !parts[1].equals("7")) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[2]);
            byte[] salt = Base64.getDecoder().decode(parts[3]);
            byte[] expected = Base64.getDecoder().decode(parts[4]);
            if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length == 0 || expected.length == 0) {
                return false;
            }
            return MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations, expected.length));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String format(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder base64 = Base64.getEncoder();
        return "$7$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations, int bytes) {
        // PBEKeySpec takes chars; the JDK's PBKDF2 encodes them as UTF-8, as Mosquitto hashes the raw bytes
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is missing from this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }
}
