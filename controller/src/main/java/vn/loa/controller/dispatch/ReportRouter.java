package vn.loa.controller.dispatch;

import java.time.Instant;
import java.util.Objects;
import vn.loa.controller.asrun.ReceiptService;
import vn.loa.controller.emergency.EmergencyService;
import vn.loa.controller.mqtt.StationListener;
import vn.loa.protocol.Birth;
import vn.loa.protocol.EmergencyProgress;
import vn.loa.protocol.PlanAck;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.StationMessage;

/**
 * Routes what stations report: a birth asks for the plan (and for emergency announcements the
 * station has not got yet), acks and receipts are recorded, emergency progress and the receipts
 * of emergency broadcasts go to the emergency service.
 */
public final class ReportRouter implements StationListener {
    private final PlanDispatcher plans;
    private final ReceiptService receipts;
    private final EmergencyService emergencies;

    public ReportRouter(PlanDispatcher plans, ReceiptService receipts, EmergencyService emergencies) {
        this.plans = Objects.requireNonNull(plans, "plans");
        this.receipts = Objects.requireNonNull(receipts, "receipts");
        this.emergencies = Objects.requireNonNull(emergencies, "emergencies");
    }

    @Override
    public void applied(StationMessage message, Instant receivedAt) {
        if (message instanceof EmergencyProgress progress) {
            emergencies.progress(progress, receivedAt);
        } else if (message instanceof Birth birth) {
            emergencies.stationOnline(birth.station());
            plans.stationOnline(birth.station());
        } else if (message instanceof PlanAck ack) {
            plans.planAcknowledged(ack.station(), ack.planVersion());
        } else if (message instanceof Receipt receipt) {
            emergencies.receipt(receipt, receivedAt);
            receipts.received(receipt, receivedAt);
        }
    }
}
