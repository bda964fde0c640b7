package vn.loa.agent.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS that trusts the CA certificates of one PEM file ({@code mqtt.caFile}, {@code controller.caFile})
 * instead of the JVM's: the broker's or controller's certificate must chain to them. Host names
 * are checked by the clients (Paho, the HTTP client).
 */
public final class TrustedCa {
    private TrustedCa() {
    }

    /**
     * A client context trusting the CAs of {@code caFile}; an {@link IllegalArgumentException} naming
     * {@code field} when the file cannot be read or holds no PEM certificate.
     */
    public static SSLContext sslContext(String field, Path caFile) {
        Collection<? extends Certificate> certificates = certificates(field, caFile);
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the JVM cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> certificates(String field, Path caFile) {
        byte[] content;
        try {
            content = Files.readAllBytes(caFile);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("field '" + field + "': " + caFile + ": no such file");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("field '" + field + "': " + caFile + ": permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException("field '" + field + "': cannot read " + caFile + " (" + e + ")");
        }
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("field '" + field + "': " + caFile + " is not a PEM certificate file ("
                    + e.getMessage() + ")");
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("field '" + field + "': " + caFile
                    + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }
}
