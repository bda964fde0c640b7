package vn.loa.controller.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.loa.controller.testutil.ApiClient;

/**
 * The benchmark's measured path, through the real controller: {@code POST /api/v1/emergencies}
 * with the standard siren for the commune of every fleet station, then, per station, the instant
 * the controller recorded its {@code zones-on} ({@code zonesOnAt} in
 * {@code GET /api/v1/emergencies/{id}}, the controller's clock when its ingest took the message).
 * The interval starts just before the API request is sent (same clock, same machine), so it covers
 * HTTP, the trigger's SQLite transaction, the publish, the broker's fan-out, the station (decode,
 * playout, relays), the progress message's way back through the broker and the controller's ingest.
 * Each round is stopped (and given time to settle) before the next.
 */
final class ControllerPath {
    private static final Duration POLL = Duration.ofMillis(50);

    private final ApiClient api;
    private final long communeId;
    private final EmergencyTimeline timeline;
    private final FleetLoad load;
    private final List<String> stations;
    private final EmergencyFanout.Settings settings;

    ControllerPath(ApiClient api, long communeId, EmergencyTimeline timeline, FleetLoad load, List<String> stations,
                   EmergencyFanout.Settings settings) {
        this.api = api;
        this.communeId = communeId;
        this.timeline = timeline;
        this.load = load;
        this.stations = stations;
        this.settings = settings;
    }

    void measure(Map<String, Latencies> figures) throws Exception {
        RoundFigures confirmed = new RoundFigures();
        RoundFigures arrived = new RoundFigures();
        RoundFigures zonesOn = new RoundFigures();
        List<Long> responses = new ArrayList<>();
        List<Long> triggered = new ArrayList<>();
        List<Long> playoutBusy = new ArrayList<>();
        List<Long> handlerBusy = new ArrayList<>();
        for (int round = 0; round < settings.warmUpRounds() + settings.rounds(); round++) {
            long[] loadBefore = load.snapshot();
            Instant sentAt = Instant.now();
            long sent = System.nanoTime();
            ApiClient.Answer answer = api.post("/api/v1/emergencies", "{\"targets\":{\"areas\":[" + communeId + "]},"
                    + "\"standardMessage\":\"siren\",\"title\":\"Benchmark round " + round + "\",\"repeat\":1,"
                    + "\"riskLevel\":4,\"validMinutes\":30}");
            long answered = System.nanoTime();
            if (answer.status() != 201) {
                throw new IllegalStateException("trigger failed: " + answer.status() + " " + answer.text());
            }
            String id = answer.json().path("id").asText();
            Instant triggeredAt = Instant.parse(answer.json().path("triggeredAt").asText());
            EmergencyTimeline.Round seen = timeline.awaitZonesOn(id, EmergencyFanout.ROUND_TIMEOUT);
            long[] loadAfter = load.snapshot();
            Map<String, Instant> recorded = awaitRecorded(id);
            api.post("/api/v1/emergencies/" + id + "/stop", "{}");
            EmergencyFanout.pace(settings.settle());
            if (round < settings.warmUpRounds()) {
                continue;
            }
            Map<String, Long> recordedNanos = new HashMap<>();
            recorded.forEach((station, at) -> recordedNanos.put(station, sent + Duration.between(sentAt, at).toNanos()));
            confirmed.add(sent, recordedNanos, stations);
            arrived.add(sent, seen.arrived(), stations);
            zonesOn.add(sent, seen.zonesOn(), stations);
            responses.add(answered - sent);
            triggered.add(Duration.between(sentAt, triggeredAt).toNanos());
            playoutBusy.add(loadAfter[0] - loadBefore[0]);
            handlerBusy.add(loadAfter[1] - loadBefore[1]);
        }
        figures.put("controller: API request → zones-on recorded at controller", confirmed.latencies());
        figures.put("controller: API request → emergency at station", arrived.latencies());
        figures.put("controller: API request → zones-on at station", zonesOn.latencies());
        figures.put("controller: API request → triggeredAt (per round)", latencies(triggered));
        figures.put("controller: API request → API response (per round)", latencies(responses));
        figures.put("fleet: playout tasks, all stations (per round, busy)", latencies(playoutBusy));
        figures.put("fleet: message handling, all stations (per round, busy)", latencies(handlerBusy));
    }

    /** Polls the announcement until the controller has a zones-on instant for every station. */
    private Map<String, Instant> awaitRecorded(String id) {
        Map<String, Instant> recorded = new HashMap<>();
        await().atMost(EmergencyFanout.ROUND_TIMEOUT).pollInterval(POLL.toMillis(), TimeUnit.MILLISECONDS).until(() -> {
            JsonNode view = api.get("/api/v1/emergencies/" + id).json();
            recorded.clear();
            for (JsonNode row : view.path("stations")) {
                if (row.path("zonesOnAt").isTextual()) {
                    recorded.put(row.path("station").asText(), Instant.parse(row.path("zonesOnAt").asText()));
                }
            }
            return recorded.size() == stations.size();
        });
        return recorded;
    }

    private static Latencies latencies(List<Long> nanos) {
        return Latencies.of(nanos.stream().mapToLong(Long::longValue).toArray());
    }
}
