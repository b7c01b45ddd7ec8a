package com.sellavie.commerce.invoice;

import com.sellavie.commerce.invoice.Invoice.InvoiceLine;
import com.sellavie.commerce.order.Money;
import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * An invoice as a one-page A4 PDF (OpenPDF): the business's name when known, number, dates (UTC), lines
 * with unit price and line total, total, and the payment's provider and reference. Amounts are written
 * with the currency's own fraction digits. Helvetica is asked for; OpenPDF 3 embeds its bundled Liberation Sans
 * in its place, so Yoruba, Igbo and Hausa letters, Polish, Greek and Cyrillic print as typed (CJK does not).
 */
final class InvoicePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 10, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 10, Font.NORMAL);

    private InvoicePdf() {
    }

    static byte[] render(Invoice invoice, String businessName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle("Invoice " + invoice.number());
        document.open();
        if (businessName != null && !businessName.isBlank()) {
            document.add(new Paragraph(businessName, HEADING));
        }
        document.add(new Paragraph("Invoice " + invoice.number(), TITLE));
        document.add(new Paragraph("Issued: " + DATE.format(invoice.issuedAt()), BODY));
        document.add(new Paragraph("Paid: " + DATE.format(invoice.paidAt()), BODY));
        document.add(new Paragraph(" ", BODY));
        document.add(lines(invoice));
        Paragraph total = new Paragraph("Total: " + Money.format(invoice.totalMinor(), invoice.currency()), HEADING);
        total.setAlignment(Element.ALIGN_RIGHT);
        document.add(total);
        document.add(new Paragraph(" ", BODY));
        document.add(new Paragraph("Paid through " + invoice.provider()
                + (invoice.reference() == null ? "" : ", reference " + invoice.reference()), BODY));
        document.add(new Paragraph("Order " + invoice.orderId(), BODY));
        document.close();
        return out.toByteArray();
    }

    private static PdfPTable lines(Invoice invoice) {
        PdfPTable table = new PdfPTable(new float[] {2.2f, 4f, 1f, 2.2f, 2.2f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String heading : new String[] {"SKU", "Item", "Qty", "Unit price", "Line total"}) {
            table.addCell(cell(heading, HEADING, heading.equals("SKU") || heading.equals("Item")));
        }
        for (InvoiceLine line : invoice.lines()) {
            table.addCell(cell(line.sku(), BODY, true));
            table.addCell(cell(line.name(), BODY, true));
            table.addCell(cell(Integer.toString(line.quantity()), BODY, false));
            table.addCell(cell(Money.format(line.unitPriceMinor(), invoice.currency()), BODY, false));
            table.addCell(cell(Money.format(line.totalMinor(), invoice.currency()), BODY, false));
        }
        return table;
    }

    private static PdfPCell cell(String text, Font font, boolean left) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(left ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
        cell.setPadding(4);
        return cell;
    }
}
