package vn.loa.controller.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.store.Database;
import vn.loa.protocol.Zone;

/** No station may be registered under an id that is someone else's MQTT client id. */
class StationServiceReservedIdsTest {
    @TempDir
    Path dir;

    private Database database;
    private StationService stations;
    private long commune;

    @BeforeEach
    void setUp() {
        database = Database.open(dir.resolve("loa.db"), Clock.systemUTC());
        AreaService areas = new AreaService(database, Clock.systemUTC());
        // a controller configured with the client id older configs use, which looks like a station id
        stations = new StationService(database, Clock.systemUTC(), areas, "loa-controller", id -> { }, id -> { });
        long province = areas.create(null, "Tỉnh", "P", AreaLevel.PROVINCE).id();
        long district = areas.create(province, "Huyện", "D", AreaLevel.DISTRICT).id();
        commune = areas.create(district, "Xã", "C", AreaLevel.COMMUNE).id();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void theControllersClientIdIsRefused() {
        assertThatThrownBy(() -> create("loa-controller")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains("controller's MQTT client id");
        });
        assertThat(stations.list()).isEmpty();
    }

    @Test
    void anAgentsClientIdIsRefused() {
        assertThatThrownBy(() -> create("loa-agent-st-b")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains("must not start with 'loa-agent-'");
        });
        assertThat(stations.list()).isEmpty();
    }

    @Test
    void idsThatOnlyLookAlikeAreFine() {
        create("loa-controller-2");
        create("loa-agents");
        assertThat(stations.list()).hasSize(2);
    }

    private void create(String id) {
        stations.create(new StationDraft(id, commune, "Cụm", null, null, false, List.of(new Zone(1, "Loa"))));
    }
}
