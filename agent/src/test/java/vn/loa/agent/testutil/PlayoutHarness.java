package vn.loa.agent.testutil;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.loa.agent.config.PlayoutSettings;
import vn.loa.agent.player.Player;
import vn.loa.agent.player.SimulatedPlayer;
import vn.loa.agent.playout.Playout;
import vn.loa.agent.playout.PlayoutParts;
import vn.loa.agent.store.Database;
import vn.loa.agent.store.OutboxEntry;
import vn.loa.agent.store.OutboxStore;
import vn.loa.agent.store.PlanStore;
import vn.loa.agent.store.PlayoutJournal;
import vn.loa.agent.timing.TaskScheduler;
import vn.loa.protocol.Decoded;
import vn.loa.protocol.Emergency;
import vn.loa.protocol.EmergencyProgress;
import vn.loa.protocol.EmergencyStop;
import vn.loa.protocol.Message;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.Plan;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.Zone;

/**
 * A playout with everything real but time: a real SQLite file in the test's folder, a recording
 * relay board, the simulated player, all on one {@link ManualScheduler} driven by a
 * {@link MutableClock}. {@link #restart} and {@link #crash} start a new playout on the same file,
 * as a restarted agent would.
 */
public final class PlayoutHarness implements AutoCloseable {
    public static final String STATION = "demo-01";
    private static final MessageCodec CODEC = new MessageCodec(1024 * 1024);

    private final Path dir;
    private final MutableClock clock;
    private final List<Zone> zones;
    private final RecordingRelayBoard relays;
    private final FakeAudioSource audio = new FakeAudioSource();
    private final List<Long> acks = new ArrayList<>();
    private final List<EmergencyProgress> progress = new ArrayList<>();
    private final Function<TaskScheduler, Player> players;
    private ManualScheduler scheduler;
    private Player player;
    private Database database;
    private OutboxStore outbox;
    private Playout playout;
    private int receiptWakes;

    public PlayoutHarness(Path dir, MutableClock clock, List<Zone> zones) {
        this(dir, clock, zones, thread -> new SimulatedPlayer(STATION, thread, clock));
    }

    public PlayoutHarness(Path dir, MutableClock clock, List<Zone> zones, Function<TaskScheduler, Player> players) {
        this.dir = dir;
        this.clock = clock;
        this.zones = List.copyOf(zones);
        this.relays = new RecordingRelayBoard(STATION, zones, clock);
        this.players = players;
    }

    /** Starts a playout (the first, or after a restart) and runs what is due. */
    public PlayoutHarness start(PlayoutSettings settings) {
        scheduler = new ManualScheduler(clock);
        player = players.apply(scheduler);
        database = Database.openIn(dir, clock);
        outbox = new OutboxStore(database, CODEC);
        Set<Integer> channels = zones.stream().map(Zone::channel).collect(Collectors.toSet());
        relays.allOff();
        playout = new Playout(new PlayoutParts(STATION, settings, channels, clock, scheduler, relays, player, audio,
                new PlanStore(database, CODEC), new PlayoutJournal(database, outbox), () -> receiptWakes++,
                acks::add, clock.instant(), progress::add));
        playout.start();
        scheduler.runDue();
        return this;
    }

    /** A clean shutdown, then a new start on the same file. */
    public PlayoutHarness restart(PlayoutSettings settings) {
        playout.close();
        scheduler.runDue();
        database.close();
        return start(settings);
    }

    /** The agent dies (nothing is written), then starts again on the same file. */
    public PlayoutHarness crash(PlayoutSettings settings) {
        database.close();
        return start(settings);
    }

    public void offer(Plan plan) {
        playout.offer(plan);
        scheduler.runDue();
    }

    public void emergency(Emergency emergency) {
        playout.emergency(emergency);
        scheduler.runDue();
    }

    public void stopEmergency(EmergencyStop stop) {
        playout.stopEmergency(stop);
        scheduler.runDue();
    }

    /** The emergency progress messages the playout emitted, oldest first. */
    public List<EmergencyProgress> progress() {
        return List.copyOf(progress);
    }

    public void advanceTo(Instant instant) {
        scheduler.advanceTo(instant);
    }

    public void advance(Duration duration) {
        scheduler.advance(duration);
    }

    /** Every receipt in the outbox, oldest first, decoded. */
    public List<Receipt> receipts() {
        List<Receipt> receipts = new ArrayList<>();
        for (OutboxEntry entry : outbox.oldest(10_000)) {
            Decoded<Message> decoded = CODEC.decode(entry.payload());
            if (!(decoded instanceof Decoded.Ok<Message> ok) || !(ok.message() instanceof Receipt receipt)) {
                throw new AssertionError("the outbox holds something that is not a receipt: " + decoded);
            }
            receipts.add(receipt);
        }
        return receipts;
    }

    public List<Receipt> receiptsFor(String broadcastId) {
        return receipts().stream().filter(r -> r.broadcastId().equals(broadcastId)).toList();
    }

    public Playout playout() {
        return playout;
    }

    public Player player() {
        return player;
    }

    public RecordingRelayBoard relays() {
        return relays;
    }

    public FakeAudioSource audio() {
        return audio;
    }

    public ManualScheduler scheduler() {
        return scheduler;
    }

    public List<Long> acks() {
        return List.copyOf(acks);
    }

    public int receiptWakes() {
        return receiptWakes;
    }

    @Override
    public void close() {
        if (playout != null) {
            playout.close();
            scheduler.runDue();
        }
        if (database != null) {
            database.close();
        }
    }
}
