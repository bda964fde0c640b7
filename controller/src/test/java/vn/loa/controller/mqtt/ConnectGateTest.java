package vn.loa.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import vn.loa.controller.identity.MqttCredentials;
import vn.loa.controller.metrics.MicrometerControllerMetrics;
import vn.loa.protocol.Channel;
import vn.loa.protocol.Topics;

/** The broker front end's gate, up to the point where it would open the way to Moquette. */
class ConnectGateTest {
    private static final Topics TOPICS = Topics.withDefaultRoot();
    private final MicrometerControllerMetrics metrics = new MicrometerControllerMetrics();
    private final BrokerAccess access = new BrokerAccess(TOPICS, new MqttCredentials("_controller", "ctl-pass"),
            "_loa-controller", (station, password) -> true, metrics, Clock.systemUTC());

    @Test
    void aWillOnAnotherStationsTopicIsNotAuthorized() {
        EmbeddedChannel client = gate();

        client.writeInbound(connect(MqttVersion.MQTT_3_1_1, TOPICS.station("st-b", Channel.COMMANDS)));

        assertThat(ByteBufUtil.hexDump((ByteBuf) client.readOutbound())).isEqualTo("20020005");
        assertThat(client.isOpen()).isFalse();
        assertThat(metrics.scrape()).contains("loa_mqtt_broker_refusals_total{what=\"will\"} 1.0");
    }

    @Test
    void anMqtt5ClientGetsItsOwnReasonCode() {
        EmbeddedChannel client = gate();

        client.writeInbound(connect(MqttVersion.MQTT_5, TOPICS.controllerStatus()));

        assertThat(ByteBufUtil.hexDump((ByteBuf) client.readOutbound())).isEqualTo("2003008700");
        assertThat(client.isOpen()).isFalse();
    }

    @Test
    void aCleanConnectArrivingByteByByteIsNotRefused() {
        EmbeddedChannel client = gate();
        ByteBuf connect = connect(MqttVersion.MQTT_3_1_1, TOPICS.station("st-a", Channel.STATUS));

        while (connect.isReadable()) {
            client.writeInbound(connect.readRetainedSlice(1));
        }
        connect.release();

        assertThat((Object) client.readOutbound()).as("no refusal").isNull();
        assertThat(metrics.scrape()).doesNotContain("what=\"will\"");
        client.close();
    }

    @Test
    void somethingOtherThanAConnectFirstIsClosed() {
        EmbeddedChannel client = gate();

        client.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0xC0, 0})); // PINGREQ

        assertThat((Object) client.readOutbound()).isNull();
        assertThat(client.isOpen()).isFalse();
    }

    @Test
    void aPacketOverTheLimitIsClosedBeforeItIsAllHere() {
        EmbeddedChannel client = gate();

        // PUBLISH announcing 16 384 bytes, over the 1 024 allowed: closed on its header
        client.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x30, (byte) 0x80, (byte) 0x80, 0x01}));

        assertThat(client.isOpen()).isFalse();
    }

    private EmbeddedChannel gate() {
        // the broker's address is never used: every case here ends before the gate would open the way
        return new EmbeddedChannel(new MqttPacketFramer(1024),
                new ConnectGate(new InetSocketAddress("127.0.0.1", 9), access, new RelayedLogins(access), 1024,
                        new FrontEndLog()));
    }

    private static ByteBuf connect(MqttVersion version, String willTopic) {
        MqttMessage connect = MqttMessageBuilders.connect().clientId("loa-agent-st-a").protocolVersion(version)
                .username("st-a").password("pass-a".getBytes(StandardCharsets.UTF_8))
                .willFlag(true).willTopic(willTopic).willMessage("offline".getBytes(StandardCharsets.UTF_8))
                .willQoS(MqttQoS.AT_LEAST_ONCE).willRetain(true).keepAlive(30).cleanSession(true).build();
        EmbeddedChannel encoder = new EmbeddedChannel(MqttEncoder.INSTANCE);
        encoder.writeOutbound(connect);
        ByteBuf bytes = encoder.readOutbound();
        encoder.finishAndReleaseAll();
        return bytes;
    }
}
