package vn.loa.controller.testutil;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway CA and a server certificate it signed for {@code 127.0.0.1} and {@code localhost}
 * (subject alternative names), made at test time with the {@code openssl} command (Debian
 * {@code openssl}, installed by {@code ./loa test}); nothing is committed. The key is an unencrypted
 * PKCS#8 PEM; the same key and certificate are also in a PKCS12 store.
 *
 * @param ca               the CA certificate (PEM), what clients trust
 * @param certificate      the server certificate (PEM)
 * @param privateKey       its key (PKCS#8 PEM)
 * @param keyStore         key and certificate chain in PKCS12
 * @param keyStorePassword the store's password
 */
public record TestCertificates(Path ca, Path certificate, Path privateKey, Path keyStore, String keyStorePassword) {
    private static final String PASSWORD = "test-store-password";

    /** Writes the CA, the server certificate and key, and the PKCS12 store into {@code dir}. */
    public static TestCertificates create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path caKey = dir.resolve("ca.key");
        Path ca = dir.resolve("ca.pem");
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", caKey, "-out", ca, "-days", "2", "-subj", "/CN=Loa test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        Path key = dir.resolve("server.key");
        Path request = dir.resolve("server.csr");
        openssl(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key,
                "-out", request, "-subj", "/CN=localhost");
        Path extensions = dir.resolve("server.ext");
        Files.writeString(extensions, String.join("\n", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "basicConstraints=CA:FALSE", "keyUsage=critical,digitalSignature",
                "extendedKeyUsage=serverAuth", ""));
        Path certificate = dir.resolve("server.pem");
        openssl(dir, "x509", "-req", "-in", request, "-CA", ca, "-CAkey", caKey, "-CAcreateserial",
                "-out", certificate, "-days", "2", "-extfile", extensions);
        Path keyStore = dir.resolve("server.p12");
        openssl(dir, "pkcs12", "-export", "-in", certificate, "-inkey", key, "-certfile", ca, "-name", "loa",
                "-out", keyStore, "-passout", "pass:" + PASSWORD);
        return new TestCertificates(ca, certificate, key, keyStore, PASSWORD);
    }

    /** A client context trusting only the CA certificate of a PEM file. */
    public static SSLContext trusting(Path ca) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(ca)) {
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** Runs {@code openssl} with the arguments in {@code dir}; fails the test with its output if it fails. */
    public static void openssl(Path dir, Object... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        for (Object argument : arguments) {
            command.add(argument.toString());
        }
        Path log = dir.resolve("openssl.log");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("openssl is not installed; the README's test command (./loa test) "
                    + "installs it, or run: apt-get install -y openssl", e);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
        }
    }
}
