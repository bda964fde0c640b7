package vn.loa.controller.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way an alert can be wrong gets its own message, naming the problem. */
class CapParserRefusesTest {
    @TempDir
    Path dir;

    @Test
    void xmlThatIsNotWellFormedNamesLineAndColumn() {
        refused("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n  <identifier>x</sender>\n</alert>")
                .hasMessageStartingWith("not well-formed XML at line 2, column ")
                .hasMessageContaining("identifier");
    }

    @Test
    void anEmptyBodyIsNotAnAlert() {
        assertThatThrownBy(() -> CapParser.parse(new byte[0])).isInstanceOf(CapException.class)
                .hasMessage("the alert is empty: expected a CAP 1.2 alert in XML");
    }

    @Test
    void anotherRootOrNamespaceIsNotCap12() {
        refused("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>").hasMessage("not a CAP 1.2 alert: root element must "
                + "be 'alert' in namespace urn:oasis:names:tc:emergency:cap:1.2, got 'feed' in namespace "
                + "http://www.w3.org/2005/Atom");
        refused(CapSamples.minimalAlert("").replace("cap:1.2", "cap:1.1"))
                .hasMessageEndingWith("got 'alert' in namespace urn:oasis:names:tc:emergency:cap:1.1");
        refused("<alert><identifier>x</identifier></alert>").hasMessageEndingWith("got 'alert' in no namespace");
    }

    @Test
    void aMissingOrEmptyRequiredElementIsNamed() {
        refused(CapSamples.minimalAlert("").replace("<identifier>T-1</identifier>", ""))
                .hasMessage("missing element 'identifier'");
        refused(CapSamples.minimalAlert("").replace("<sender>test@loa.invalid</sender>", "<sender> </sender>"))
                .hasMessage("element 'sender' is empty");
        refused(CapSamples.minimalAlert(CapSamples.minimalInfo("")).replace("<areaDesc>Somewhere</areaDesc>", ""))
                .hasMessage("missing element 'areaDesc' in info[1]/area[1]");
    }

    @Test
    void aRepeatedSingleElementIsRefused() {
        refused(CapSamples.minimalAlert("<status>Actual</status>"))
                .hasMessage("element 'status' must appear once, found 2");
    }

    @Test
    void anIdentifierWithSpacesOrCommasIsRefused() {
        refused(CapSamples.minimalAlert("").replace("T-1", "T 1"))
                .hasMessage("element 'identifier' must not contain spaces, commas, '<' or '&', got 'T 1'");
    }

    @Test
    void aBadDateTimeIsQuoted() {
        refused(CapSamples.minimalAlert("").replace("2026-09-12T05:30:00+07:00", "2026-13-01"))
                .hasMessageStartingWith("element 'sent' is not a CAP date-time: '2026-13-01'");
        refused(CapSamples.minimalAlert("").replace("2026-09-12T05:30:00+07:00", "2026-13-01T05:30:00+07:00"))
                .hasMessageStartingWith("element 'sent' is not a CAP date-time: '2026-13-01T05:30:00+07:00'");
    }

    @Test
    void aDateTimeWithoutOffsetIsRefused() {
        refused(CapSamples.minimalAlert(CapSamples.minimalInfo("").replace("<event>",
                "<expires>2026-09-12T17:30:00</expires><event>")))
                .hasMessage("element 'expires' in info[1] is not a CAP date-time: '2026-09-12T17:30:00' "
                        + "(expected e.g. 2026-09-12T05:30:00+07:00)");
    }

    @Test
    void aValueOutsideCapsListNamesTheList() {
        refused(CapSamples.minimalAlert("").replace("<msgType>Alert</msgType>", "<msgType>Foo</msgType>"))
                .hasMessage("element 'msgType' must be one of Alert, Update, Cancel, Ack, Error, got 'Foo'");
        refused(CapSamples.minimalAlert(CapSamples.minimalInfo("")).replace("Severe", "Bad"))
                .hasMessage("element 'severity' in info[1] must be one of Extreme, Severe, Moderate, Minor, "
                        + "Unknown, got 'Bad'");
        refused(CapSamples.minimalAlert(CapSamples.minimalInfo("")).replace(">Met<", ">Weather<"))
                .hasMessageStartingWith("element 'category' in info[1] must be one of Geo, Met,");
    }

    @Test
    void anActualAlertWithoutInfoIsRefused() {
        refused(CapSamples.minimalAlert("").replace("<status>Test</status>", "<status>Actual</status>"))
                .hasMessageStartingWith("an Actual Alert must have at least one element 'info'");
    }

    @Test
    void aPolygonMustBeClosedWithFourPoints() {
        refused(area("<polygon>22.0,104.0 22.1,104.0 22.0,104.0</polygon>"))
                .hasMessage("element 'polygon' in info[1]/area[1] must have at least 4 points, the first equal "
                        + "to the last, got 3: '22.0,104.0 22.1,104.0 22.0,104.0'");
        refused(area("<polygon>22.0,104.0 22.1,104.0 22.1,104.1 22.0,104.1</polygon>"))
                .hasMessage("element 'polygon' in info[1]/area[1] must end where it begins: first point "
                        + "22.0,104.0, last point 22.0,104.1");
    }

    @Test
    void aPolygonPointMustBeLatitudeCommaLongitudeInRange() {
        refused(area("<polygon>22.0;104.0 22.1,104.0 22.1,104.1 22.0,104.0</polygon>"))
                .hasMessage("element 'polygon' in info[1]/area[1] has a point that is not 'latitude,longitude' "
                        + "in decimal degrees: '22.0;104.0'");
        refused(area("<polygon>104.0,22.0 104.1,22.0 104.1,22.1 104.0,22.0</polygon>"))
                .hasMessageStartingWith("element 'polygon' in info[1]/area[1] has a point out of range: "
                        + "'104.0,22.0'");
    }

    @Test
    void aCircleNeedsCentreAndRadius() {
        refused(area("<circle>22.15,104.25</circle>")).hasMessage("element 'circle' in info[1]/area[1] must be "
                + "'latitude,longitude radius' with the radius in kilometres, got '22.15,104.25'");
    }

    @Test
    void badReferencesAreQuoted() {
        refused(CapSamples.minimalAlert("<references>a,b</references>")).hasMessage(
                "element 'references' must be space-separated 'sender,identifier,sent' triples, got 'a,b'");
        refused(CapSamples.minimalAlert("<references>a,b,yesterday</references>")).hasMessageStartingWith(
                "element 'references' names a sent time that is not a CAP date-time: 'yesterday'");
    }

    @Test
    void anExternalEntityIsRefusedWithoutReadingTheFile() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "root-password-42");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE alert [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + CapSamples.minimalAlert("").replace("T-1", "&xxe;").replaceFirst("<\\?xml[^>]*>", "");

        refused(xxe).hasMessage(CapXml.DOCTYPE_REFUSED).hasMessageNotContaining("root-password-42");
    }

    @Test
    void externalDtdsParameterEntitiesAndXIncludesAreNeverFetched() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String body = CapSamples.minimalAlert("").replaceFirst("<\\?xml[^>]*>", "").strip();

            refused("<!DOCTYPE alert SYSTEM \"" + base + "/cap.dtd\">" + body).hasMessage(CapXml.DOCTYPE_REFUSED);
            refused("<!DOCTYPE alert [<!ENTITY % p SYSTEM \"" + base + "/p.dtd\"> %p;]>" + body)
                    .hasMessage(CapXml.DOCTYPE_REFUSED);
            CapParser.parse(body.replace("<scope>Public</scope>", "<scope>Public</scope><xi:include "
                    + "xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + base + "/x.xml\"/>")
                    .getBytes(StandardCharsets.UTF_8));
        } finally {
            server.stop(0);
        }
        assertThat(requests).hasValue(0);
    }

    @Test
    void entityExpansionIsRefused() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>";

        refused(laughs).hasMessage(CapXml.DOCTYPE_REFUSED);
    }

    @Test
    void anUndeclaredEntityIsNotWellFormed() {
        refused(CapSamples.minimalAlert("").replace("T-1", "&xxe;"))
                .hasMessageStartingWith("not well-formed XML at line 3").hasMessageContaining("xxe");
    }

    @Test
    void theRefusalsAreCapExceptions() {
        assertThat(new CapException("x")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> CapParser.parse("<".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CapException.class);
    }

    private static String area(String shapes) {
        return CapSamples.minimalAlert(CapSamples.minimalInfo(shapes));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(String xml) {
        return assertThatThrownBy(() -> CapParser.parse(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CapException.class);
    }
}
