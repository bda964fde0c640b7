package vn.loa.agent.testutil;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import vn.loa.protocol.AudioRef;

/** Bulletin audio made up in code (no binary files in the repository): bytes, their SHA-256, their reference. */
public record TestAudio(String path, byte[] bytes) {

    /** {@code size} deterministic pseudo-random bytes served at {@code /api/v1/bulletins/<name>/audio}. */
    public static TestAudio of(String name, int size) {
        byte[] bytes = new byte[size];
        new Random(name.hashCode()).nextBytes(bytes);
        return new TestAudio("/api/v1/bulletins/" + name + "/audio", bytes);
    }

    public String sha256() {
        return sha256(bytes);
    }

    public AudioRef ref() {
        return new AudioRef(path, sha256(), bytes.length, "wav");
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
