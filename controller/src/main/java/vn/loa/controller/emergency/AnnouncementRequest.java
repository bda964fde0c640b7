package vn.loa.controller.emergency;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import vn.loa.controller.schedule.Targets;

/**
 * What a user (or a CAP alert) asks for, unchecked: where, which audio (exactly one of a standard
 * message, an approved bulletin or an uploaded file), how often, the risk level, and the validity
 * (an instant, or a length from now; null for the default).
 */
public record AnnouncementRequest(Targets targets, String standardMessage, String bulletinId, Path uploadedFile,
                                  String title, Integer repeat, Integer riskLevel, Instant validUntil,
                                  Duration validFor, Long warmUpMillis, String origin) {
}
