package vn.loa.agent.player;

/**
 * Measures 16-bit PCM in windows of one second of audio: the RMS level of each window in dBFS
 * (0 is a full-scale square wave; digital silence is {@link #FLOOR_DB}), and how long the audio has
 * been quieter than the silence threshold without a break. Plain logic on the player's thread;
 * not thread-safe.
 */
final class OutputLevel {
    /** The level reported for digital silence (and anything quieter). */
    static final double FLOOR_DB = -120.0;
    private static final double FULL_SCALE = 32768.0;

    /** Told the level of each finished window. */
    @FunctionalInterface
    interface Listener {
        /** {@code silentSeconds}: how long the audio has now been silent without a break. */
        void window(double levelDb, double silentSeconds);
    }

    private final int frameRate;
    private final int channels;
    private final double silenceThresholdDb;
    private final Listener listener;
    private double sumOfSquares;
    private long samplesInWindow;
    private long silentFrames;
    private long windows;
    private double sumOfLevels;
    private double loudestDb = FLOOR_DB;
    private double quietestDb = 0.0;

    OutputLevel(int frameRate, int channels, double silenceThresholdDb, Listener listener) {
        if (frameRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("frame rate and channels must be positive");
        }
        this.frameRate = frameRate;
        this.channels = channels;
        this.silenceThresholdDb = silenceThresholdDb;
        this.listener = listener;
    }

    /** Takes 16-bit signed little-endian samples, interleaved, whole frames. */
    void add(byte[] buffer, int offset, int length) {
        long windowSamples = (long) frameRate * channels;
        for (int i = offset; i + 1 < offset + length; i += 2) {
            int sample = (short) ((buffer[i] & 0xff) | (buffer[i + 1] << 8));
            sumOfSquares += (double) sample * sample;
            if (++samplesInWindow == windowSamples) {
                endWindow();
            }
        }
    }

    /** Ends a partial last window, if any. */
    void finish() {
        if (samplesInWindow > 0) {
            endWindow();
        }
    }

    /** How many windows were measured. */
    long windows() {
        return windows;
    }

    double meanDb() {
        return windows == 0 ? FLOOR_DB : sumOfLevels / windows;
    }

    double loudestDb() {
        return loudestDb;
    }

    double quietestDb() {
        return windows == 0 ? FLOOR_DB : quietestDb;
    }

    static double decibels(double sumOfSquares, long samples) {
        if (samples == 0 || sumOfSquares == 0) {
            return FLOOR_DB;
        }
        double rms = Math.sqrt(sumOfSquares / samples) / FULL_SCALE;
        return Math.max(FLOOR_DB, 20 * Math.log10(rms));
    }

    private void endWindow() {
        double level = decibels(sumOfSquares, samplesInWindow);
        long frames = samplesInWindow / channels;
        silentFrames = level < silenceThresholdDb ? silentFrames + frames : 0;
        sumOfSquares = 0;
        samplesInWindow = 0;
        windows++;
        sumOfLevels += level;
        loudestDb = Math.max(loudestDb, level);
        quietestDb = Math.min(quietestDb, level);
        listener.window(level, (double) silentFrames / frameRate);
    }
}
