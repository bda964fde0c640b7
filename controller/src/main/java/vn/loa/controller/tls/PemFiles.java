package vn.loa.controller.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.loa.controller.config.ConfigException;

/**
 * Reads PEM files with the JDK alone: certificates (a chain or CAs) and an unencrypted PKCS#8
 * private key. Every problem is a {@link ConfigException} naming the config field and the file.
 */
public final class PemFiles {
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");

    private PemFiles() {
    }

    /** The certificates of a PEM file, in file order; at least one. */
    public static List<X509Certificate> certificates(String field, Path file) {
        byte[] content = read(field, file);
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(content))) {
                certificates.add((X509Certificate) certificate);
            }
        } catch (CertificateException e) {
            throw new ConfigException("field '" + field + "': " + file + " is not a PEM certificate file ("
                    + e.getMessage() + ")");
        }
        if (certificates.isEmpty()) {
            throw new ConfigException("field '" + field + "': " + file + " holds no PEM certificate "
                    + "(-----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }

    /** The unencrypted PKCS#8 key of a PEM file ({@code -----BEGIN PRIVATE KEY-----}). */
    public static PrivateKey privateKey(String field, Path file) {
        String text = new String(read(field, file), StandardCharsets.US_ASCII);
        Matcher matcher = PRIVATE_KEY.matcher(text);
        if (!matcher.find()) {
            throw new ConfigException("field '" + field + "': " + file + " holds no unencrypted PKCS#8 key "
                    + "(-----BEGIN PRIVATE KEY-----)" + hint(text));
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(matcher.group(1));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("field '" + field + "': the key in " + file + " is not valid Base64");
        }
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        throw new ConfigException("field '" + field + "': the key in " + file + " is not an RSA, EC or EdDSA "
                + "PKCS#8 key");
    }

    static byte[] read(String field, Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("field '" + field + "': " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ConfigException("field '" + field + "': " + file + ": permission denied");
        } catch (IOException e) {
            throw new ConfigException("field '" + field + "': cannot read " + file + " (" + e.getMessage() + ")");
        }
    }

    private static String hint(String text) {
        if (text.contains("ENCRYPTED PRIVATE KEY")) {
            return "; it is encrypted: write an unencrypted copy with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pkcs8' (readable by the controller only)";
        }
        if (text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY")) {
            return "; convert it with 'openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pkcs8'";
        }
        return "";
    }
}
