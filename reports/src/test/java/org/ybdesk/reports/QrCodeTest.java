package org.ybdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.reports.PrintDoc.Kind;
import org.ybdesk.service.Mode;
import org.ybdesk.service.ServiceException;

/**
 * Issue 14, item 6 (D165): the QR code does what the text says. With the agency's provincial progress address set,
 * the code is that address with the case number (nothing else of the applicant) and the receipt says to scan it;
 * without, the code holds the case number alone and the print says to show it at the window. The scanner at the
 * counter finds the case from either.
 */
class QrCodeTest {
    @TempDir
    Path dir;

    /** The QR code on the first page, read back from the PDF as a phone would: rendered, then decoded. */
    static String decode(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(d).renderImageWithDPI(0, 300);
            // the code stands in the title block's top right corner: the quarter of the page that holds it
            BufferedImage img = page.getSubimage(page.getWidth() / 2, 0, page.getWidth() / 2, page.getHeight() / 4);
            int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
            var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(img.getWidth(), img.getHeight(),
                    px)));
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        }
    }

    @Test
    void withoutAProgressAddressTheCodeIsTheCaseNumberAndThePrintSaysShowItAtTheWindow() throws Exception {
        try (PrintFixture f = new PrintFixture(dir, Mode.PRODUCTION)) {
            String no = f.create(17, "王䶮", Set.of()).summary().caseNo();
            f.act(no, Command.of(CaseAction.ACCEPT), f.clerk);
            byte[] pdf = f.prints.render(PrintDoc.of(Kind.RECEIPT), no, f.clerk);
            assertThat(decode(pdf)).isEqualTo(no);
            assertThat(PrintFixture.text(pdf).replaceAll("\\s", "")).contains("请在窗口出示此码查询办理进度")
                    .doesNotContain("用手机扫描");
            assertThat(f.desk.prints().scannedCase(no)).contains(no);
            assertThat(f.desk.prints().scannedCase("  " + no + "\n")).contains(no);
        }
    }

    @Test
    void withAProgressAddressTheCodeIsThatAddressWithTheCaseNumberOnly() throws Exception {
        try (PrintFixture f = new PrintFixture(dir, Mode.PRODUCTION)) {
            f.desk.setup().setProgressUrl("https://ybj.hlj.gov.cn/jdcx/index.html?bh={caseNo}&ly=qr", f.admin);
            String no = f.create(17, "王䶮", Set.of()).summary().caseNo();
            f.act(no, Command.of(CaseAction.ACCEPT), f.clerk);
            var c = f.desk.cases().show(no, null);
            byte[] pdf = f.prints.render(PrintDoc.of(Kind.RECEIPT), no, f.clerk);
            String code = decode(pdf);
            assertThat(code).isEqualTo("https://ybj.hlj.gov.cn/jdcx/index.html?bh=" + no + "&ly=qr")
                    .doesNotContain(c.applicantId(), "王䶮", "13912345678");
            assertThat(PrintFixture.text(pdf).replaceAll("\\s", "")).contains("用手机扫描右上角二维码")
                    .doesNotContain("请在窗口出示此码");
            // the counter's scanner: the address, or the number alone, names the case; anything else does not
            assertThat(f.desk.prints().scannedCase(code)).contains(no);
            assertThat(f.desk.prints().scannedCase("https://other.example.cn/q?id=" + no)).contains(no);
            assertThat(f.desk.prints().scannedCase("王䶮")).isEmpty();
            assertThat(f.desk.prints().scannedCase("https://ybj.hlj.gov.cn/jdcx/index.html?bh=230102001209901010100001&ly=qr"))
                    .isEmpty();

            // the notice of a 补正 carries the same code and says what it does
            String s = f.create(9, "赵六", Set.of()).summary().caseNo();
            f.act(s, Command.withReasons(CaseAction.REQUEST_SUPPLEMENT, java.util.List.of("补交身份证复印件")),
                    f.clerk);
            byte[] notice = f.prints.render(PrintDoc.of(Kind.SUPPLEMENT), s, f.clerk);
            assertThat(decode(notice)).isEqualTo("https://ybj.hlj.gov.cn/jdcx/index.html?bh=" + s + "&ly=qr");
            assertThat(PrintFixture.text(notice).replaceAll("\\s", "")).contains("用手机扫描右上角二维码可查询办理进度");
        }
    }

    @Test
    void aProgressAddressIsCheckedAndEveryProblemIsSaidInChinese() {
        try (PrintFixture f = new PrintFixture(dir, Mode.PRODUCTION)) {
            assertThatThrownBy(() -> f.desk.setup().setProgressUrl("ybj.gov.cn/cx?bh={caseNo}&name={name} x", f.admin))
                    .isInstanceOf(ServiceException.class)
                    .hasMessageContaining("须以 https:// 或 http:// 开头")
                    .hasMessageContaining("只能使用占位符 {caseNo}")
                    .hasMessageContaining("不能有空格");
            assertThatThrownBy(() -> f.desk.setup().setProgressUrl("https://ybj.gov.cn/cx", f.admin))
                    .isInstanceOf(ServiceException.class).hasMessageContaining("缺少受理编号占位符 {caseNo}");
            assertThatThrownBy(() -> f.desk.setup().setProgressUrl("https://ybj.gov.cn/cx?bh={caseNo}", f.clerk))
                    .isInstanceOf(ServiceException.class).hasMessageContaining("须由管理员办理");
            assertThat(f.desk.setup().progressUrl()).isEmpty();
            f.desk.setup().setProgressUrl(" https://ybj.gov.cn/cx?bh={caseNo} ", f.admin);
            assertThat(f.desk.setup().progressUrl()).contains("https://ybj.gov.cn/cx?bh={caseNo}");
            f.desk.setup().setProgressUrl("", f.admin);
            assertThat(f.desk.setup().progressUrl()).isEmpty();
        }
    }
}
