package vn.loa.controller.api;

import java.util.List;
import java.util.Locale;
import vn.loa.controller.report.Availability;
import vn.loa.controller.report.CommuneBroadcasts;
import vn.loa.controller.report.EmergencyReach;
import vn.loa.controller.report.Summary;
import vn.loa.controller.schedule.BroadcastTime;

/**
 * The summary as a printable page for the yearly and five-year reviews of grassroots information
 * work: broadcast hours per commune, network availability, bulletins aired, emergencies. Headings in
 * Vietnamese first, English second; every value is HTML-escaped.
 */
final class ReportPage {
    private static final String STYLE = "body{font-family:'Times New Roman',serif;margin:2em;color:#000}"
            + "h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.5em}.en{color:#555;font-weight:normal}"
            + "table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #444;padding:.25em .5em}"
            + "td.n{text-align:right}tfoot td{font-weight:bold}p.note{font-size:.85em;color:#333}"
            + "@media print{body{margin:1cm}h2{page-break-after:avoid}tr{page-break-inside:avoid}"
            + "a{color:#000;text-decoration:none}}@page{size:A4;margin:1.5cm}";

    private ReportPage() {
    }

    static String render(Summary summary) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + "<title>Báo cáo hoạt động truyền thanh cơ sở — ").append(esc(summary.areaName()))
                .append("</title><style>").append(STYLE).append("</style></head><body>\n");
        heading(html, "h1", "Báo cáo hoạt động truyền thanh cơ sở", "Grassroots broadcasting report");
        html.append("<p>Địa bàn / Area: <b>").append(esc(summary.areaName())).append("</b> (")
                .append(esc(summary.areaLevel())).append(")<br>Kỳ báo cáo / Period: <b>").append(esc(summary.from()))
                .append("</b> – <b>").append(esc(summary.to().minusDays(1))).append("</b> (")
                .append(esc(BroadcastTime.ZONE)).append(")</p>\n");
        broadcasts(html, summary);
        availability(html, summary.availability().communes(), summary.availability().area());
        emergencies(html, summary.emergencies());
        html.append("<p class=\"note\">Giờ phát sóng: tổng thời lượng thực phát (theo biên nhận của trạm) của "
                + "các trạm trong xã / Broadcast hours: actual airtime reported by the stations' receipts, summed over the "
                + "commune's stations. Độ sẵn sàng: thời gian trực tuyến chia cho thời gian theo dõi (từ khi trạm "
                + "được đăng ký), có trọng số theo giờ-trạm / Availability: online time over observed time (from "
                + "registration), station-hours weighted.</p>\n</body></html>\n");
        return html.toString();
    }

    private static void broadcasts(StringBuilder html, Summary summary) {
        heading(html, "h2", "1. Thời lượng phát sóng theo xã", "Broadcast hours per commune");
        header(html, "Xã / Commune", "Giờ phát / Hours", "Thường / Normal", "Ưu tiên / Priority",
                "Khẩn cấp / Emergency", "Lượt phát / Aired", "Số tin bài / Bulletins", "Bỏ lỡ / Missed",
                "Chưa xác nhận / Unconfirmed");
        for (CommuneBroadcasts line : summary.broadcasts().communes()) {
            broadcastRow(html, line);
        }
        html.append("</tbody><tfoot>");
        broadcastRow(html, summary.broadcasts().total());
        html.append("</tfoot></table>\n");
    }

    private static void broadcastRow(StringBuilder html, CommuneBroadcasts line) {
        html.append("<tr><td>").append(esc(line.commune())).append("</td>");
        number(html, ReportCsv.hours(line.hours()));
        for (String bulletinClass : List.of("normal", "priority", "emergency")) {
            number(html, ReportCsv.hours(line.hoursByClass().getOrDefault(bulletinClass, 0.0)));
        }
        number(html, line.aired());
        number(html, line.bulletins());
        number(html, line.missed());
        number(html, line.unconfirmed());
        html.append("</tr>\n");
    }

    private static void availability(StringBuilder html, List<Availability> communes, Availability area) {
        heading(html, "h2", "2. Độ ổn định của mạng lưới", "Network availability");
        header(html, "Xã / Commune", "Số trạm / Stations", "Giờ theo dõi / Observed hours",
                "Giờ trực tuyến / Online hours", "Độ sẵn sàng / Availability");
        for (Availability line : communes) {
            availabilityRow(html, line);
        }
        html.append("</tbody><tfoot>");
        availabilityRow(html, area);
        html.append("</tfoot></table>\n");
    }

    private static void availabilityRow(StringBuilder html, Availability line) {
        html.append("<tr><td>").append(esc(line.name())).append("</td>");
        number(html, line.stations());
        number(html, String.format(Locale.ROOT, "%.1f", line.observedHours()));
        number(html, String.format(Locale.ROOT, "%.1f", line.onlineHours()));
        number(html, line.availability() == null ? "—"
                : String.format(Locale.ROOT, "%.2f %%", 100 * line.availability()));
        html.append("</tr>\n");
    }

    private static void emergencies(StringBuilder html, List<EmergencyReach> emergencies) {
        heading(html, "h2", "3. Phát thanh khẩn cấp", "Emergency announcements");
        if (emergencies.isEmpty()) {
            html.append("<p>Không có / None.</p>\n");
            return;
        }
        header(html, "Thông báo / Announcement", "Kích hoạt / Triggered", "Trạm nhận / Reached",
                "Trạm mục tiêu / Targeted", "Phát (trung vị, s) / Playing (median, s)",
                "Phát (tối đa, s) / Playing (max, s)");
        for (EmergencyReach line : emergencies) {
            html.append("<tr><td>").append(esc(line.title())).append("</td><td>")
                    .append(esc(line.triggeredAt().atZone(BroadcastTime.ZONE).toLocalDateTime().withNano(0)))
                    .append("</td>");
            number(html, line.reached());
            number(html, line.targeted());
            number(html, line.playingMedianSeconds() == null ? "—" : String.format(Locale.ROOT, "%.1f",
                    line.playingMedianSeconds()));
            number(html, line.playingMaxSeconds() == null ? "—" : String.format(Locale.ROOT, "%.1f",
                    line.playingMaxSeconds()));
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void heading(StringBuilder html, String tag, String vietnamese, String english) {
        html.append('<').append(tag).append('>').append(esc(vietnamese)).append(" <span class=\"en\">/ ")
                .append(esc(english)).append("</span></").append(tag).append(">\n");
    }

    private static void header(StringBuilder html, String... cells) {
        html.append("<table><thead><tr>");
        for (String cell : cells) {
            html.append("<th>").append(esc(cell)).append("</th>");
        }
        html.append("</tr></thead><tbody>\n");
    }

    private static void number(StringBuilder html, Object value) {
        html.append("<td class=\"n\">").append(esc(value)).append("</td>");
    }

    /** Escapes text for HTML element content and attribute values. */
    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
