package vn.loa.controller.schedule;

import java.util.Optional;
import vn.loa.protocol.AudioRef;
import vn.loa.protocol.BulletinClass;

/** What scheduling needs to know of the bulletin library. */
public interface BulletinCatalog {

    /** A bulletin as scheduling sees it. */
    record Entry(String id, String title, BulletinClass bulletinClass, boolean approved, long durationMillis,
                 AudioRef audio) {
    }

    Optional<Entry> find(String bulletinId);
}
