package vn.loa.agent.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.config.AgentConfig;
import vn.loa.agent.config.AgentConfigLoader;
import vn.loa.agent.config.ConfigException;

/**
 * The Debian package that {@code mvn package} builds (jdeb, see agent/pom.xml), read back with
 * Debian's own {@code dpkg-deb}: what a technician's {@code apt install ./loa-agent_*.deb} gets.
 */
class DebianPackageIT {
    private static final Path DPKG_DEB = Path.of("/usr/bin/dpkg-deb");

    private static Path deb;

    @TempDir
    Path dir;

    @BeforeAll
    static void findPackage() throws IOException {
        if (!Files.isExecutable(DPKG_DEB)) {
            throw new IllegalStateException("dpkg-deb is missing: the package tests need Debian's dpkg "
                    + "(apt-get install -y dpkg)");
        }
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            deb = files.filter(file -> file.getFileName().toString().matches("loa-agent_.+_all\\.deb"))
                    .max(Comparator.comparing(DebianPackageIT::modified))
                    .orElseThrow(() -> new AssertionError("no target/loa-agent_*_all.deb: the package phase builds it"));
        }
    }

    @Test
    void packageInstallsTheJarTheUnitTheConfigAndTheDataDirectory() {
        String contents = dpkgDeb("--contents", deb.toString());

        assertThat(contents).contains("./usr/share/loa/loa-agent.jar", "./lib/systemd/system/loa-agent.service",
                "./etc/loa/agent.yml", "./usr/share/doc/loa-agent/station-setup.md");
        assertThat(line(contents, "./var/lib/loa/")).startsWith("drwxr-x---").contains("loa/loa");
        assertThat(line(contents, "./var/lib/")).contains("root/root");
        assertThat(line(contents, "./etc/loa/agent.yml")).startsWith("-rw-r-----").contains("root/root");
    }

    @Test
    void controlFieldsDependOnJava17AndFitEveryArchitecture() {
        assertThat(dpkgDeb("--field", deb.toString(), "Package").strip()).isEqualTo("loa-agent");
        assertThat(dpkgDeb("--field", deb.toString(), "Architecture").strip()).isEqualTo("all");
        assertThat(dpkgDeb("--field", deb.toString(), "Depends"))
                .contains("openjdk-17-jre-headless | java17-runtime-headless");
        assertThat(dpkgDeb("--field", deb.toString(), "Version").strip())
                .matches("[0-9][0-9A-Za-z.+~]*")
                .doesNotContain("-");
        assertThat(dpkgDeb("--field", deb.toString(), "Maintainer")).isNotBlank();
        assertThat(dpkgDeb("--field", deb.toString(), "Description")).isNotBlank();
    }

    @Test
    void unitRunsTheJarAsTheLoaUserWithSerialAndAudioGroupsAndRestartsOnFailure() throws IOException {
        Path root = dir.resolve("root");
        dpkgDeb("-x", deb.toString(), root.toString());
        List<String> unit = Files.readAllLines(root.resolve("lib/systemd/system/loa-agent.service"));

        assertThat(unit).contains(
                "User=loa",
                "SupplementaryGroups=dialout audio",
                "Restart=on-failure",
                "ExecStart=/usr/bin/java -jar /usr/share/loa/loa-agent.jar --config /etc/loa/agent.yml",
                "ReadWritePaths=/var/lib/loa",
                "WantedBy=multi-user.target");
        assertThat(unit).anyMatch(line -> line.startsWith("RestartSec="));
        assertThat(unit).as("a device allow-list would hide the relay board and the sound card")
                .noneMatch(line -> line.startsWith("PrivateDevices=") || line.startsWith("DeviceAllow=")
                        || line.startsWith("DevicePolicy=") || line.startsWith("ProtectClock="));
        assertThat(Files.size(root.resolve("usr/share/loa/loa-agent.jar"))).isGreaterThan(1_000_000);
    }

    @Test
    void packagedConfigIsRefusedUntilTheStationIsFilledInAndThenLoads() throws IOException {
        Path root = dir.resolve("root");
        dpkgDeb("-x", deb.toString(), root.toString());
        Path packaged = root.resolve("etc/loa/agent.yml");

        assertThatThrownBy(() -> AgentConfigLoader.load(packaged))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("station");

        Path edited = dir.resolve("agent.yml");
        Files.writeString(edited, Files.readString(packaged, StandardCharsets.UTF_8)
                .replace("station: CHANGE-ME", "station: xa-mau-01"), StandardCharsets.UTF_8);
        AgentConfig config = AgentConfigLoader.load(edited);
        assertThat(config.station()).isEqualTo("xa-mau-01");
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/loa/data"));
    }

    @Test
    void maintainerScriptsCreateTheUserAndNeverStartAnUnconfiguredAgent() throws IOException {
        Path control = dir.resolve("DEBIAN");
        dpkgDeb("-e", deb.toString(), control.toString());
        Path postinst = control.resolve("postinst");

        assertThat(Files.getPosixFilePermissions(postinst)).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        String script = Files.readString(postinst);
        assertThat(script).startsWith("#!/bin/sh").contains("adduser --system", "dialout audio",
                "install -d -o loa -g loa -m 0750 /var/lib/loa", "systemctl daemon-reload", "not started");
        assertThat(script.lines().map(String::strip).filter(line -> !line.startsWith("echo")))
                .noneMatch(line -> line.contains("systemctl start") || line.contains("enable --now"));
        assertThat(Files.readString(control.resolve("prerm"))).contains("systemctl stop loa-agent.service");
        assertThat(Files.readString(control.resolve("postrm"))).contains("systemctl disable loa-agent.service");
        assertThat(Files.isExecutable(control.resolve("prerm"))).isTrue();
        assertThat(Files.isExecutable(control.resolve("postrm"))).isTrue();
        assertThat(Files.readAllLines(control.resolve("conffiles"))).containsExactly("/etc/loa/agent.yml");
    }

    private static String line(String listing, String path) {
        return listing.lines().filter(line -> line.endsWith(" " + path))
                .findFirst().orElseThrow(() -> new AssertionError(path + " not in the package:\n" + listing));
    }

    private static String dpkgDeb(String... arguments) {
        List<String> command = new ArrayList<>(List.of(DPKG_DEB.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in 60 s");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as("%s printed:%n%s", command, text).isZero();
            return text;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
