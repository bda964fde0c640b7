package vn.loa.agent.testutil;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.loa.agent.health.EventSink;
import vn.loa.protocol.Severity;

/** An {@link EventSink} that keeps what it is told. */
public final class RecordingEvents implements EventSink {
    public record Event(String kind, Severity severity, String detail) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void report(String kind, Severity severity, String detail) {
        events.add(new Event(kind, severity, detail));
    }

    public List<Event> ofKind(String kind) {
        return events.stream().filter(event -> event.kind().equals(kind)).toList();
    }

    public List<Event> all() {
        return List.copyOf(events);
    }
}
