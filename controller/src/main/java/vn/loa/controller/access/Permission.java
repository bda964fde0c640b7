package vn.loa.controller.access;

/** What a request may do; roles grant permissions over area subtrees (see {@link Role}). */
public enum Permission {
    MANAGE_USERS("manage users and roles"),
    MANAGE_SETTINGS("change system settings (areas, standard messages)"),
    READ_AUDIT("read the audit log"),
    READ_STATIONS("see stations"),
    MANAGE_STATIONS("register, change, enrol or retire stations"),
    READ_BULLETINS("see and listen to bulletins"),
    WRITE_BULLETINS("upload or archive bulletins"),
    APPROVE_BULLETINS("approve bulletins"),
    READ_SCHEDULES("see schedules"),
    WRITE_SCHEDULES("create or cancel schedules"),
    MANAGE_QUIET_HOURS("set quiet hours"),
    READ_BROADCASTS("read the as-run log"),
    RUN_EMERGENCIES("trigger, follow and stop emergency announcements"),
    READ_REPORTS("read reports (broadcast hours, availability, emergencies)"),
    READ_ALERTS("see station health alerts and the faults report"),
    ACKNOWLEDGE_ALERTS("acknowledge station health alerts");

    private final String description;

    Permission(String description) {
        this.description = description;
    }

    /** What the permission allows, for refusal messages: "your roles do not allow you to ...". */
    public String description() {
        return description;
    }
}
