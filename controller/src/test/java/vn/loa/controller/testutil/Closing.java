package vn.loa.controller.testutil;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test started (controllers, agents, proxies, servers), closed after each test, the last
 * started first, whether the test passed or not. Register it on an instance field:
 * {@code @RegisterExtension final Closing closing = new Closing();} then
 * {@code Controller controller = closing.add(TestControllers.embedded(...));}.
 */
public final class Closing implements AfterEachCallback {
    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    /** Closes {@code resource} after the test; returns it. */
    public synchronized <T extends AutoCloseable> T add(T resource) {
        open.push(resource);
        return resource;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception first = null;
        for (AutoCloseable next = next(); next != null; next = next()) {
            try {
                next.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private synchronized AutoCloseable next() {
        return open.poll();
    }
}
