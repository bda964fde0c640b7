package vn.loa.controller.dispatch;

import java.time.Instant;
import java.util.Objects;
import vn.loa.controller.asrun.ReceiptService;
import vn.loa.controller.mqtt.StationListener;
import vn.loa.protocol.Birth;
import vn.loa.protocol.PlanAck;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.StationMessage;

/** Routes what stations report to dispatch: a birth asks for the plan, acks and receipts are recorded. */
public final class ReportRouter implements StationListener {
    private final PlanDispatcher plans;
    private final ReceiptService receipts;

    public ReportRouter(PlanDispatcher plans, ReceiptService receipts) {
        this.plans = Objects.requireNonNull(plans, "plans");
        this.receipts = Objects.requireNonNull(receipts, "receipts");
    }

    @Override
    public void applied(StationMessage message, Instant receivedAt) {
        if (message instanceof Birth birth) {
            plans.stationOnline(birth.station());
        } else if (message instanceof PlanAck ack) {
            plans.planAcknowledged(ack.station(), ack.planVersion());
        } else if (message instanceof Receipt receipt) {
            receipts.received(receipt, receivedAt);
        }
    }
}
