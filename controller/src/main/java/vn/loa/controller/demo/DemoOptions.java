package vn.loa.controller.demo;

import java.nio.file.Path;

/** The demo's command-line options. */
public record DemoOptions(int httpPort, int mqttPort, Path dataDir, int stations, Path agentJar) {
    public DemoOptions {
        if (stations < 0 || stations > 500) {
            throw new IllegalArgumentException("--stations must be 0..500, got " + stations);
        }
    }

    public static DemoOptions parse(String[] args) {
        int httpPort = 8080;
        int mqttPort = 1883;
        Path dataDir = Path.of("loa-demo-data");
        int stations = 3;
        Path agentJar = Path.of("agent/target/loa-agent.jar");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--http-port" -> httpPort = number(name, value, 0, 65_535);
                case "--mqtt-port" -> mqttPort = number(name, value, 0, 65_535);
                case "--data-dir" -> dataDir = Path.of(value);
                case "--stations" -> stations = number(name, value, 0, 500);
                case "--agent-jar" -> agentJar = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name
                        + " (known: --http-port, --mqtt-port, --data-dir, --stations, --agent-jar)");
            }
        }
        return new DemoOptions(httpPort, mqttPort, dataDir, stations, agentJar);
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", got " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
    }
}
