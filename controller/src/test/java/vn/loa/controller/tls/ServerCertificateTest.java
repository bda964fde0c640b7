package vn.loa.controller.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.config.ConfigException;
import vn.loa.controller.config.ControllerConfig.Tls;
import vn.loa.controller.testutil.TestCertificates;

/** The controller's certificate from PEM or PKCS12, and the one-line errors a wrong file gets. */
class ServerCertificateTest {
    @TempDir
    Path dir;

    private TestCertificates certificates;

    @BeforeEach
    void makeCertificates() throws Exception {
        certificates = TestCertificates.create(dir.resolve("certificates"));
    }

    @Test
    void pemCertificateAndKeyServeTls() {
        ServerCertificate loaded = ServerCertificate.load(Tls.pem(certificates.certificate(), certificates.privateKey()));

        assertThat(loaded.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat(loaded.serverContext().isServer()).isTrue();
    }

    @Test
    void pkcs12StoreServesTls() {
        ServerCertificate loaded = ServerCertificate.load(Tls.pkcs12(certificates.keyStore(),
                certificates.keyStorePassword()));

        assertThat(loaded.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    }

    @Test
    void missingCertificateFileNamesTheFieldAndTheFile() {
        Path missing = dir.resolve("nowhere.pem");

        assertThatThrownBy(() -> ServerCertificate.load(Tls.pem(missing, certificates.privateKey())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("field 'tls.certificateFile': " + missing + ": no such file");
    }

    @Test
    void wrongStorePasswordIsSaidSo() {
        assertThatThrownBy(() -> ServerCertificate.load(Tls.pkcs12(certificates.keyStore(), "not-the-password")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("wrong password for " + certificates.keyStore());
    }

    @Test
    void keyOfAnotherCertificateIsRefused() {
        // the CA's own key, next to the server's certificate
        Path caKey = certificates.ca().resolveSibling("ca.key");

        assertThatThrownBy(() -> ServerCertificate.load(Tls.pem(certificates.certificate(), caKey)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("the private key does not belong to the certificate CN=localhost");
    }

    @Test
    void certificateFileInPlaceOfTheKeyIsRefused() {
        assertThatThrownBy(() -> ServerCertificate.load(Tls.pem(certificates.certificate(),
                certificates.certificate())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("field 'tls.privateKeyFile'")
                .hasMessageContaining("holds no unencrypted PKCS#8 key");
    }

    @Test
    void textThatIsNotACertificateIsRefused() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");

        assertThatThrownBy(() -> ServerCertificate.load(Tls.pem(garbage, certificates.privateKey())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("field 'tls.certificateFile'")
                .hasMessageContaining("garbage.pem");
    }

    @Test
    void caFileTrustsItsCertificates() {
        assertThat(TrustedCertificates.fromCaFile("mqtt.caFile", certificates.ca()).getProtocol()).isEqualTo("TLS");
        assertThatThrownBy(() -> TrustedCertificates.fromCaFile("mqtt.caFile", dir.resolve("none.pem")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("field 'mqtt.caFile'");
    }
}
