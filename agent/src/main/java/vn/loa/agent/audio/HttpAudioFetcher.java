package vn.loa.agent.audio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.loa.protocol.AudioRef;

/**
 * Fetches one bulletin file from the controller into its {@code .part} file, resuming what is
 * already there: with {@code N} bytes on disk it asks for {@code Range: bytes=N-} with
 * {@code If-Range: "<sha256>"} (the controller's ETag is the file's SHA-256). A {@code 206} is
 * appended, a {@code 200} (the server ignored the range, or the file changed) starts again from
 * zero. The station's credentials go along as HTTP Basic when it has some. Every wait is bounded: the response headers, and each chunk of the body ({@code stall}).
 * Checking the checksum is the caller's job. Thread: runs on the caller's (download) thread.
 */
final class HttpAudioFetcher {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final HttpClient client;
    private final Duration responseTimeout;
    private final Duration stall;
    private final String authorization;

    /** @param authorization the {@code Authorization} header sent with every request; null for none */
    HttpAudioFetcher(HttpClient client, Duration responseTimeout, Duration stall, String authorization) {
        this.authorization = authorization;
        this.client = Objects.requireNonNull(client, "client");
        this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout");
        this.stall = Objects.requireNonNull(stall, "stall");
    }

    /** {@code keepGoing} is asked between chunks; when it says no, the transfer stops and the part is kept. */
    FetchResult fetch(URI uri, AudioRef audio, Path part, long have, BooleanSupplier keepGoing)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(responseTimeout).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-").header("If-Range", "\"" + audio.sha256() + "\"");
        }
        CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> pending =
                client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofPublisher());
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
        try {
            response = pending.get(responseTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return new FetchResult.Failed("cannot reach " + uri + ": " + describe(e.getCause()));
        } catch (TimeoutException e) {
            pending.cancel(true);
            return new FetchResult.Failed("no answer from " + uri + " within " + responseTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        }
        BodyChunks body = new BodyChunks();
        response.body().subscribe(body);
        int status = response.statusCode();
        boolean append;
        if (status == 206 && have > 0) {
            Optional<Long> from = rangeStart(response);
            if (from.isEmpty() || from.get() != have) {
                body.cancel();
                deleteQuietly(part);
                return new FetchResult.Failed("the server sent range " + response.headers().firstValue("Content-Range")
                        .orElse("(none)") + " instead of bytes " + have + "-; starting again");
            }
            append = true;
        } else if (status == 200) {
            append = false;
        } else if (status == 416) {
            body.cancel();
            deleteQuietly(part);
            return new FetchResult.Failed("HTTP 416 from " + uri + " for bytes " + have + "-; starting again");
        } else {
            body.cancel();
            return new FetchResult.Failed("HTTP " + status + " from " + uri);
        }
        return copy(body, audio, part, append ? have : 0, append, keepGoing);
    }

    private FetchResult copy(BodyChunks body, AudioRef audio, Path part, long have, boolean append,
                             BooleanSupplier keepGoing) throws InterruptedException {
        long written = have;
        StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            List<ByteBuffer> chunk;
            while ((chunk = body.next(stall)) != null) {
                for (ByteBuffer buffer : chunk) {
                    while (buffer.hasRemaining()) {
                        written += out.write(buffer);
                    }
                }
                if (audio.sizeBytes() > 0 && written > audio.sizeBytes()) {
                    body.cancel();
                    return new FetchResult.Failed("the server sent more than the " + audio.sizeBytes()
                            + " bytes announced");
                }
                if (!keepGoing.getAsBoolean()) {
                    body.cancel();
                    out.force(false);
                    return new FetchResult.Stopped();
                }
            }
            out.force(true);
            return new FetchResult.Complete(written, append);
        } catch (IOException e) {
            body.cancel();
            return new FetchResult.Failed("download of " + audio.path() + " broke off after " + written + " bytes: "
                    + describe(e));
        } catch (InterruptedException e) {
            body.cancel();
            throw e;
        }
    }

    private static Optional<Long> rangeStart(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Range").flatMap(value -> {
            Matcher matcher = CONTENT_RANGE.matcher(value.strip());
            return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
        });
    }

    private static void deleteQuietly(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            // the next attempt truncates it anyway
        }
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown cause";
        }
        return failure.getMessage() != null ? failure.getClass().getSimpleName() + ": " + failure.getMessage()
                : failure.getClass().getSimpleName();
    }
}
