package vn.loa.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void cellsAreQuotedAndNeverRunAsFormulas() {
        String csv = new Csv().row("a", null, 1.5).row("=HYPERLINK(\"x\")", "-2", "+1", "@SUM(A1)", "x,y", "l1\nl2")
                .toString();
        assertThat(csv).isEqualTo("a,,1.5\r\n\"'=HYPERLINK(\"\"x\"\")\",'-2,'+1,'@SUM(A1),\"x,y\",\"l1\nl2\"\r\n");
    }

    @Test
    void thePrintablePageEscapesMarkup() {
        assertThat(ReportPage.esc("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
        assertThat(ReportPage.esc(null)).isEmpty();
    }
}
