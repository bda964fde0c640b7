package vn.loa.controller.emergency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.bulletin.Bulletin;
import vn.loa.controller.bulletin.BulletinMetadata;
import vn.loa.controller.bulletin.BulletinService;
import vn.loa.controller.bulletin.BulletinState;
import vn.loa.controller.registry.Station;
import vn.loa.controller.schedule.RegistrySnapshot;
import vn.loa.controller.schedule.Targets;
import vn.loa.protocol.BulletinClass;
import vn.loa.protocol.Emergency;

/**
 * Checks an {@link AnnouncementRequest} and resolves it: targets to stations and zones (404 for
 * an unknown one), the audio to a bulletin (an uploaded file becomes an approved emergency
 * bulletin: an authorised operator's announcement is its own approval, and is audited), and the
 * validity (400 when in the past or too long).
 */
public final class AnnouncementResolver {
    private static final String DEFAULT_TITLE = "Thông báo khẩn cấp";

    private final Supplier<RegistrySnapshot> registry;
    private final BulletinService bulletins;
    private final StandardMessages standard;
    private final EmergencySettings settings;
    private final Clock clock;

    public AnnouncementResolver(Supplier<RegistrySnapshot> registry, BulletinService bulletins,
                                StandardMessages standard, EmergencySettings settings, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.bulletins = Objects.requireNonNull(bulletins, "bulletins");
        this.standard = Objects.requireNonNull(standard, "standard");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public NewAnnouncement resolve(AnnouncementRequest request, String actor) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Targets targets = Objects.requireNonNull(request.targets(), "targets");
        if (targets.isEmpty()) {
            throw ApiException.invalid("field 'targets' must name at least one area, station or zone");
        }
        int repeat = request.repeat() == null ? settings.defaultRepeat() : request.repeat();
        if (repeat < 1 || repeat > Emergency.MAX_REPEAT) {
            throw ApiException.invalid("field 'repeat' must be 1-" + Emergency.MAX_REPEAT + ", got " + repeat);
        }
        if (request.riskLevel() != null && (request.riskLevel() < 1 || request.riskLevel() > 5)) {
            throw ApiException.invalid("field 'riskLevel' must be a disaster risk level 1-5, got "
                    + request.riskLevel());
        }
        long warmUp = request.warmUpMillis() == null ? settings.warmUp().toMillis() : request.warmUpMillis();
        if (warmUp < 0 || warmUp > Emergency.MAX_WARM_UP_MILLIS) {
            throw ApiException.invalid("field 'warmUpMillis' must be 0-" + Emergency.MAX_WARM_UP_MILLIS);
        }
        Instant validUntil = validUntil(request, now);
        RegistrySnapshot snapshot = registry.get();
        Map<String, Set<Integer>> reach = snapshot.resolve(targets);
        reach.values().removeIf(Set::isEmpty);
        if (reach.isEmpty()) {
            throw new ApiException(422, "no_stations", "the targets reach no station with zones");
        }
        Set<String> whole = new HashSet<>();
        reach.forEach((id, zones) -> snapshot.station(id).map(Station::zones).ifPresent(all -> {
            if (all.size() == zones.size()) {
                whole.add(id);
            }
        }));
        Audio audio = audio(request, actor);
        String title = request.title() != null && !request.title().isBlank() ? request.title().strip()
                : audio.bulletin().title();
        return new NewAnnouncement(title, audio.bulletin().id(), audio.source(), bulletins.audioRef(audio.bulletin()),
                audio.bulletin().durationMillis(), repeat, request.riskLevel(), warmUp, targets, reach, whole,
                validUntil, request.origin());
    }

    private Instant validUntil(AnnouncementRequest request, Instant now) {
        if (request.validUntil() != null && request.validFor() != null) {
            throw ApiException.invalid("give either 'validUntil' or 'validMinutes', not both");
        }
        Instant until = request.validUntil() != null
                ? request.validUntil().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                : now.plus(request.validFor() != null ? request.validFor() : settings.defaultValidity());
        if (!until.isAfter(now)) {
            throw ApiException.invalid("the validity must end in the future: 'validUntil' " + until
                    + " is not after now (" + now + ")");
        }
        if (Duration.between(now, until).compareTo(settings.maxValidity()) > 0) {
            throw ApiException.invalid("the validity may last at most " + settings.maxValidity().toHours() + " h");
        }
        return until;
    }

    private record Audio(Bulletin bulletin, String source) {
    }

    private Audio audio(AnnouncementRequest request, String actor) {
        int given = (request.standardMessage() != null ? 1 : 0) + (request.bulletinId() != null ? 1 : 0)
                + (request.uploadedFile() != null ? 1 : 0);
        if (given != 1) {
            throw ApiException.invalid("give exactly one audio: 'standardMessage' (e.g. siren), 'bulletinId' "
                    + "(an approved bulletin) or a 'file' part");
        }
        if (request.standardMessage() != null) {
            return new Audio(standard.require(request.standardMessage()), "standard:" + request.standardMessage());
        }
        if (request.bulletinId() != null) {
            Bulletin bulletin = bulletins.get(request.bulletinId());
            if (bulletin.state() != BulletinState.APPROVED) {
                throw ApiException.conflict("bulletin '" + bulletin.id() + "' is " + bulletin.state().wireName()
                        + ": use an approved bulletin, a standard message, or upload the audio with the announcement");
            }
            return new Audio(bulletin, "bulletin");
        }
        String title = request.title() != null && !request.title().isBlank() ? request.title().strip() : DEFAULT_TITLE;
        Bulletin created = bulletins.create(new BulletinMetadata(title, BulletinClass.EMERGENCY, "vi"),
                request.uploadedFile(), actor);
        return new Audio(bulletins.approve(created.id(), actor), "upload");
    }
}
