package vn.loa.controller.bench;

import java.util.concurrent.atomic.LongAdder;

/**
 * Where the fleet's event loops spend their time, all stations together (wall time of the tasks,
 * so preemption by other threads counts too): the playouts' tasks (with the players' and receipt
 * outboxes'), and the handling of received messages (decode, hand-over to the playout).
 */
record FleetLoad(LongAdder playoutNanos, LongAdder handlerNanos) {
    FleetLoad() {
        this(new LongAdder(), new LongAdder());
    }

    /** The totals now, to subtract from later ones: {playout, handler}. */
    long[] snapshot() {
        return new long[] {playoutNanos.sum(), handlerNanos.sum()};
    }
}
