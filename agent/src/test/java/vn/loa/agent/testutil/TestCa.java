package vn.loa.agent.testutil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway CA certificate (PEM) made at test time with the {@code openssl} command (Debian
 * {@code openssl}, installed by {@code ./loa test}); nothing is committed.
 */
public final class TestCa {
    private TestCa() {
    }

    /** Writes {@code ca.pem} (and its key) into {@code dir}; returns the certificate's path. */
    public static Path create(Path dir) throws IOException, InterruptedException {
        Path certificate = dir.resolve("ca.pem");
        List<String> command = List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-nodes", "-keyout", dir.resolve("ca.key").toString(), "-out",
                certificate.toString(), "-days", "2", "-subj", "/CN=Loa agent test CA");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("openssl is not installed; ./loa test installs it, or run: "
                    + "apt-get install -y openssl", e);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("openssl failed: " + Files.readString(dir.resolve("openssl.log")));
        }
        return certificate;
    }
}
