package vn.loa.agent.audio;

/** How one attempt to fetch a bulletin file into its {@code .part} ended. */
sealed interface FetchResult {
    /** The part file holds the whole body the server sent; its checksum is still to be checked. */
    record Complete(long bytes, boolean resumed) implements FetchResult {
    }

    /** The attempt failed; {@code reason} is for logs and receipts. The part file may be kept for a resume. */
    record Failed(String reason) implements FetchResult {
    }

    /** Called off (shutdown, or a sooner file needed first); the part file is kept for a resume. */
    record Stopped() implements FetchResult {
    }
}
