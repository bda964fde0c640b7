package vn.loa.controller.http;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.auth.Principal;
import vn.loa.controller.text.Printable;

/**
 * One streamed upload: the request and the multipart decoder writing its parts to disk. Owned by
 * the channel's event loop until the body is complete, then by the API thread that answers it;
 * {@link #close()} removes every temporary file, whoever owns it.
 */
final class UploadTransfer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UploadTransfer.class);
    /** Parts up to this size stay in memory; larger ones (the audio) go to disk as they arrive. */
    private static final long MEMORY_PART_BYTES = 16 * 1024;
    private static final int MAX_PARTS = 16;
    private static final int MAX_BUFFERED_BYTES = 64 * 1024;
    private static final int DISCARD_THRESHOLD = 256 * 1024;
    /** The longest text part accepted (a title is far shorter). */
    private static final int MAX_FIELD_BYTES = 16 * 1024;

    final HttpRequest message;
    final Request request;
    final UploadRoute route;
    final boolean keepAlive;
    final boolean expectsContinue;
    private final List<Path> files = new ArrayList<>();
    private HttpPostRequestDecoder decoder;
    private boolean holdsSlot;
    private long received;
    Principal principal;
    boolean continued;
    boolean lastReceived;

    UploadTransfer(HttpRequest message, Request request, UploadRoute route) {
        this.message = message;
        this.request = request;
        this.route = route;
        this.keepAlive = HttpUtil.isKeepAlive(message);
        this.expectsContinue = HttpUtil.is100ContinueExpected(message);
    }

    /** Takes one of the route's upload slots; false when all are busy. */
    boolean acquireSlot() {
        holdsSlot = route.tryAcquire();
        return holdsSlot;
    }

    /** Starts decoding the multipart body; a 400 when its headers are unusable (e.g. no boundary). */
    void startDecoding() {
        DefaultHttpDataFactory factory = new DefaultHttpDataFactory(MEMORY_PART_BYTES, StandardCharsets.UTF_8);
        factory.setBaseDir(route.tempDir().toString());
        factory.setDeleteOnExit(false);
        factory.setMaxLimit(route.maxBytes());
        try {
            decoder = new HttpPostRequestDecoder(factory, message, StandardCharsets.UTF_8, MAX_PARTS,
                    MAX_BUFFERED_BYTES);
        } catch (RuntimeException e) {
            throw malformed(e);
        }
        decoder.setDiscardThreshold(DISCARD_THRESHOLD);
    }

    /** Feeds a chunk to the decoder (which writes large parts to disk); a 413 past the limit, a 400 when malformed. */
    void offer(HttpContent content) {
        received += content.content().readableBytes();
        if (received > route.maxBytes()) {
            throw tooLarge(route.maxBytes());
        }
        try {
            decoder.offer(content);
        } catch (RuntimeException e) {
            throw malformed(e);
        }
    }

    /**
     * The complete upload: text parts as strings, file parts moved to files of our own in the
     * route's temporary folder (deleted by {@link #close()} unless the handler moves them away).
     */
    Upload collect(Call call) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, UploadedFile> uploads = new LinkedHashMap<>();
        try {
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                String part = data.getName();
                if (data instanceof FileUpload file && file.isCompleted() && !uploads.containsKey(part)) {
                    Path target = Files.createTempFile(route.tempDir(), "upload-", ".part");
                    files.add(target);
                    file.renameTo(target.toFile());
                    uploads.put(part, new UploadedFile(part, file.getFilename(), file.getContentType(),
                            Files.size(target), target));
                } else if (data instanceof Attribute attribute && !fields.containsKey(part)) {
                    if (attribute.length() > MAX_FIELD_BYTES) {
                        throw ApiException.invalid("part '" + Printable.of(part, 100) + "' is longer than "
                                + MAX_FIELD_BYTES + " bytes");
                    }
                    fields.put(part, attribute.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded parts", e);
        } catch (HttpPostRequestDecoder.NotEnoughDataDecoderException e) {
            throw ApiException.badRequest("malformed_multipart", "the multipart body ended early");
        }
        return new Upload(call, fields, uploads);
    }

    /** Releases everything: the decoder and its files, our files, the slot. Idempotent. */
    @Override
    public void close() {
        if (decoder != null) {
            try {
                decoder.destroy();
            } catch (RuntimeException e) {
                LOG.warn("Cleaning an upload's decoder failed: {}", e.toString());
            }
            decoder = null;
        }
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Cannot delete the upload file {}: {}", file, e.getMessage());
            }
        }
        files.clear();
        if (holdsSlot) {
            holdsSlot = false;
            route.release();
        }
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(413, "payload_too_large", "the upload is larger than the limit of " + limit
                + " bytes");
    }

    private static ApiException malformed(RuntimeException e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return ApiException.badRequest("malformed_multipart", "the multipart/form-data body cannot be read: "
                + Printable.of(detail, 100));
    }
}
