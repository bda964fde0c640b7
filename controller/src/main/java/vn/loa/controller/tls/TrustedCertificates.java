package vn.loa.controller.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Client-side TLS that trusts given certificates (a CA, or a pinned server certificate) instead of the JVM's. */
public final class TrustedCertificates {
    private TrustedCertificates() {
    }

    /** Trusts the CA certificates of a PEM file; a {@link vn.loa.controller.config.ConfigException} naming the field. */
    public static SSLContext fromCaFile(String field, Path caFile) {
        return clientContext(PemFiles.certificates(field, caFile));
    }

    static SSLContext clientContext(List<X509Certificate> trusted) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < trusted.size(); i++) {
                store.setCertificateEntry("trusted-" + i, trusted.get(i));
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
}
