package vn.loa.controller.mqtt;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;

/**
 * Cuts the bytes a client sends into whole MQTT packets (fixed header, remaining length, body),
 * without decoding them: each is handed on as one buffer. A packet larger than the limit, or a
 * malformed remaining length, closes the connection, as the broker would.
 */
final class MqttPacketFramer extends ByteToMessageDecoder {
    private static final int MAX_LENGTH_BYTES = 4;

    private final int maxPacketBytes;

    MqttPacketFramer(int maxPacketBytes) {
        this.maxPacketBytes = maxPacketBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (true) {
            int start = in.readerIndex();
            int remaining = 0;
            int multiplier = 1;
            int headerBytes = 1;
            boolean complete = false;
            while (headerBytes <= MAX_LENGTH_BYTES) {
                if (in.readableBytes() <= headerBytes) {
                    return; // the length is not all here yet
                }
                int digit = in.getUnsignedByte(start + headerBytes);
                remaining += (digit & 0x7F) * multiplier;
                multiplier *= 128;
                headerBytes++;
                if ((digit & 0x80) == 0) {
                    complete = true;
                    break;
                }
            }
            if (!complete) {
                throw new CorruptedFrameException("an MQTT remaining length longer than 4 bytes");
            }
            if (remaining > maxPacketBytes) {
                throw new TooLongFrameException("an MQTT packet of " + remaining + " bytes, over the limit of "
                        + maxPacketBytes);
            }
            int total = headerBytes + remaining;
            if (in.readableBytes() < total) {
                return;
            }
            out.add(in.readRetainedSlice(total));
        }
    }

    /** The packet type of a whole packet (1: CONNECT). */
    static int type(ByteBuf packet) {
        return packet.getUnsignedByte(packet.readerIndex()) >> 4;
    }
}
