package vn.loa.controller.access;

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
import vn.loa.controller.auth.Principal;
import vn.loa.controller.auth.RoleGrant;
import vn.loa.controller.registry.AreaLevel;
import vn.loa.controller.registry.AreaService;
import vn.loa.controller.registry.StationDraft;
import vn.loa.controller.registry.StationService;
import vn.loa.protocol.Zone;
import vn.loa.controller.schedule.Targets;
import vn.loa.controller.schedule.ZoneTarget;
import vn.loa.controller.store.Database;

class AccessTest {
    @TempDir
    Path dir;

    private Database database;
    private Access access;
    private long province;
    private long district;
    private long commune;
    private long otherCommune;

    @BeforeEach
    void setUp() {
        database = Database.open(dir.resolve("loa.db"), Clock.systemUTC());
        AreaService areas = new AreaService(database, Clock.systemUTC());
        StationService stations = new StationService(database, Clock.systemUTC(), areas, id -> { }, id -> { });
        province = areas.create(null, "Tỉnh", "P", AreaLevel.PROVINCE).id();
        district = areas.create(province, "Huyện", "D", AreaLevel.DISTRICT).id();
        commune = areas.create(district, "Xã", "C", AreaLevel.COMMUNE).id();
        long otherDistrict = areas.create(province, "Huyện khác", "D2", AreaLevel.DISTRICT).id();
        otherCommune = areas.create(otherDistrict, "Xã khác", "C2", AreaLevel.COMMUNE).id();
        stations.create(new StationDraft("here", commune, "Cụm", null, null, false, List.of(new Zone(1, "Loa"))));
        stations.create(new StationDraft("there", otherCommune, "Cụm", null, null, false, List.of(new Zone(1, "Loa"))));
        access = new Access(areas, stations);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void aDistrictRoleCoversItsCommunesAndTouchesItsProvince() {
        Scope scope = access.scope(user("scheduler", district), Permission.WRITE_SCHEDULES);

        assertThat(scope.everywhere()).isFalse();
        assertThat(scope.covers(district)).isTrue();
        assertThat(scope.covers(commune)).isTrue();
        assertThat(scope.covers(province)).isFalse();
        assertThat(scope.touches(province)).isTrue();
        assertThat(scope.covers(otherCommune)).isFalse();
        assertThat(scope.touches(otherCommune)).isFalse();
    }

    @Test
    void aRoleWithoutThePermissionHoldsItNowhere() {
        Principal approver = user("approver", province);

        assertThat(access.scope(approver, Permission.RUN_EMERGENCIES).isEmpty()).isTrue();
        assertThatThrownBy(() -> access.require(approver, Permission.RUN_EMERGENCIES))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403))
                .hasMessageContaining("trigger, follow and stop emergency announcements");
    }

    @Test
    void adminsAndRolesWithoutAnAreaHoldEverywhere() {
        assertThat(access.scope(user("admin", commune), Permission.MANAGE_USERS).everywhere()).isTrue();
        assertThat(access.scope(user("operator", null), Permission.RUN_EMERGENCIES).everywhere()).isTrue();
        assertThat(access.scope(user("operator", null), Permission.MANAGE_USERS).isEmpty()).isTrue();
    }

    @Test
    void targetsMustAllLieInTheUsersAreasToActButOneIsEnoughToSee() {
        Principal operator = user("operator", commune);
        Targets mine = new Targets(List.of(commune), List.of("here"), List.of(new ZoneTarget("here", 1)));
        Targets mixed = new Targets(List.of(), List.of("here", "there"), List.of());
        Targets district = new Targets(List.of(this.district), List.of(), List.of());

        access.requireTargets(operator, Permission.RUN_EMERGENCIES, mine);
        assertThatThrownBy(() -> access.requireTargets(operator, Permission.RUN_EMERGENCIES, mixed))
                .hasMessageContaining("station 'there' is outside");
        assertThatThrownBy(() -> access.requireTargets(operator, Permission.RUN_EMERGENCIES, district))
                .hasMessageContaining("area " + this.district + " is outside");
        Scope scope = access.scope(operator, Permission.RUN_EMERGENCIES);
        assertThat(access.touches(scope, mixed)).isTrue();
        assertThat(access.touches(scope, district)).isTrue();
        assertThat(access.touches(scope, new Targets(List.of(), List.of("there"), List.of()))).isFalse();
    }

    @Test
    void stationsAreCheckedByTheirCommune() {
        Principal technician = user("technician", district);

        assertThat(access.requireStation(technician, Permission.MANAGE_STATIONS, "here").id()).isEqualTo("here");
        assertThatThrownBy(() -> access.requireStation(technician, Permission.MANAGE_STATIONS, "there"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> access.requireStation(technician, Permission.MANAGE_STATIONS, "nowhere"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void theWholeLibraryIsSeenByAllButOwnedOnlyByThoseAllowedEverywhere() {
        Principal approver = user("approver", district);

        access.requireVisible(approver, Permission.READ_BULLETINS, null, "bulletin");
        access.requireVisible(approver, Permission.READ_BULLETINS, province, "bulletin");
        access.requireOwned(approver, Permission.APPROVE_BULLETINS, commune, "bulletin");
        assertThatThrownBy(() -> access.requireOwned(approver, Permission.APPROVE_BULLETINS, null, "bulletin"))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> access.requireOwned(approver, Permission.APPROVE_BULLETINS, province, "bulletin"))
                .isInstanceOf(ApiException.class);
        access.requireOwned(user("approver", null), Permission.APPROVE_BULLETINS, null, "bulletin");
    }

    private static Principal user(String role, Long area) {
        return new Principal(1, "someone", List.of(new RoleGrant(role, area)), java.time.Instant.MAX);
    }
}
