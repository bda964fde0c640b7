package vn.loa.controller.cap;

/** What the controller does with a CAP alert. */
public enum CapAction {
    /** Start an emergency announcement at once: the sender is trusted to sound the sirens. */
    TRIGGER,
    /** Prepare an emergency announcement for an operator to confirm or drop. */
    DRAFT,
    /** Record the alert; nothing sounds. */
    IGNORE
}
