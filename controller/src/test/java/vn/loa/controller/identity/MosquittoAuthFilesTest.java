package vn.loa.controller.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.protocol.Topics;

class MosquittoAuthFilesTest {
    @Test
    void passwordFileHasTheControllerThenEveryStationAsMosquittoPasswdWritesIt() {
        Map<String, String> stations = new LinkedHashMap<>();
        stations.put("st-a", "$7$101$aaaa$bbbb");
        stations.put("st-b", "$7$101$cccc$dddd");

        assertThat(MosquittoAuthFiles.passwords("_controller", "$7$101$xxxx$yyyy", stations))
                .isEqualTo("_controller:$7$101$xxxx$yyyy\nst-a:$7$101$aaaa$bbbb\nst-b:$7$101$cccc$dddd\n");
    }

    @Test
    void aclGivesTheControllerTheRootAndEachStationItsOwnChannels() {
        String acl = MosquittoAuthFiles.acl(new Topics("loa/test"), "_controller");

        assertThat(acl).contains("user _controller\ntopic readwrite loa/test/#\n")
                .contains("pattern write loa/test/stations/%u/birth\n")
                .contains("pattern write loa/test/stations/%u/heartbeat\n")
                .contains("pattern write loa/test/stations/%u/events\n")
                .contains("pattern write loa/test/stations/%u/reports\n")
                .contains("pattern write loa/test/stations/%u/status\n")
                .contains("pattern read loa/test/stations/%u/commands\n")
                .contains("pattern read loa/test/controller/status\n")
                .doesNotContain("pattern write loa/test/stations/%u/commands")
                .doesNotContain("readwrite loa/test/stations/%u");
    }
}
