package vn.loa.agent;

/** The agent's version, from the jar manifest's {@code Implementation-Version}; "dev" when run from classes. */
public final class AgentVersion {
    private AgentVersion() {
    }

    public static String current() {
        String version = AgentVersion.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version;
    }
}
