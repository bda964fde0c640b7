package vn.loa.controller.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLException;
import vn.loa.controller.config.ConfigException;
import vn.loa.controller.config.ControllerConfig;

/**
 * The controller's certificate and key, read once at start from the {@code tls} section (PEM or
 * PKCS12) and checked to belong together. One Netty {@link SslContext} from it serves both HTTPS
 * and the embedded broker's TLS listener.
 */
public final class ServerCertificate {
    private static final byte[] PROBE = "loa certificate check".getBytes(StandardCharsets.US_ASCII);

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final SslContext serverContext;

    private ServerCertificate(PrivateKey key, List<X509Certificate> chain, String source) {
        this.key = Objects.requireNonNull(key, "key");
        this.chain = List.copyOf(chain);
        checkMatch(source);
        try {
            this.serverContext = SslContextBuilder.forServer(key, this.chain.toArray(X509Certificate[]::new)).build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new ConfigException(source + ": cannot serve TLS with this certificate (" + e.getMessage() + ")");
        }
    }

    /** Reads the certificate the section names; a {@link ConfigException} on any problem. */
    public static ServerCertificate load(ControllerConfig.Tls tls) {
        if (!tls.configured()) {
            throw new ConfigException("the 'tls' section names no certificate");
        }
        if (tls.keyStoreFile() != null) {
            return pkcs12(tls);
        }
        List<X509Certificate> chain = PemFiles.certificates("tls.certificateFile", tls.certificateFile());
        PrivateKey key = PemFiles.privateKey("tls.privateKeyFile", tls.privateKeyFile());
        return new ServerCertificate(key, chain, "fields 'tls.certificateFile' and 'tls.privateKeyFile'");
    }

    private static ServerCertificate pkcs12(ControllerConfig.Tls tls) {
        String field = "field 'tls.keyStoreFile'";
        byte[] content = PemFiles.read("tls.keyStoreFile", tls.keyStoreFile());
        char[] password = tls.keyStorePassword() == null ? new char[0] : tls.keyStorePassword().toCharArray();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(content), password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Key key = store.getKey(alias, password);
                    Certificate[] certificates = store.getCertificateChain(alias);
                    if (key instanceof PrivateKey privateKey && certificates != null && certificates.length > 0) {
                        List<X509Certificate> chain = new ArrayList<>();
                        for (Certificate certificate : certificates) {
                            chain.add((X509Certificate) certificate);
                        }
                        return new ServerCertificate(privateKey, chain, field);
                    }
                }
            }
            throw new ConfigException(field + ": " + tls.keyStoreFile() + " holds no private key with its certificate");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new ConfigException(field + ": wrong password for " + tls.keyStoreFile()
                        + " (field 'tls.keyStorePassword')");
            }
            throw new ConfigException(field + ": " + tls.keyStoreFile() + " is not a PKCS12 file (" + e.getMessage()
                    + ")");
        } catch (UnrecoverableKeyException e) {
            throw new ConfigException(field + ": the key in " + tls.keyStoreFile() + " has another password than the "
                    + "store (field 'tls.keyStorePassword')");
        } catch (GeneralSecurityException e) {
            throw new ConfigException(field + ": cannot read " + tls.keyStoreFile() + " (" + e.getMessage() + ")");
        }
    }

    /** Signs with the key and verifies with the certificate's public key: they must be one pair. */
    private void checkMatch(String source) {
        X509Certificate leaf = chain.get(0);
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm(); // Ed25519, Ed448
        };
        boolean matches;
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(PROBE);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            matches = false;
        }
        if (!matches) {
            throw new ConfigException(source + ": the private key does not belong to the certificate "
                    + leaf.getSubjectX500Principal().getName() + " (the first certificate of the chain must be the "
                    + "server's own)");
        }
    }

    /** The server side of TLS, for Netty pipelines (HTTPS) and Moquette's TLS listener. */
    public SslContext serverContext() {
        return serverContext;
    }

    /** The server's own certificate (the first of the chain). */
    public X509Certificate certificate() {
        return chain.get(0);
    }
}
