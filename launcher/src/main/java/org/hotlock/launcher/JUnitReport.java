package org.hotlock.launcher;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;

/**
 * {@code check --junit}: one test case per scenario file, as the console counts them (spec/ci.md,
 * Reports). Written with the JDK's XMLStreamWriter, which escapes; what it cannot write (the
 * control characters XML 1.0 has no place for, such as a terminal's escape) is dropped first.
 */
final class JUnitReport {
    private JUnitReport() {
    }

    static String write(List<CheckResult> results) {
        long failures = results.stream().filter(r -> r.status() == CheckResult.Status.FAILED).count();
        long skipped = results.stream().filter(r -> r.status() == CheckResult.Status.INCONCLUSIVE).count();
        String time = seconds(results.stream().mapToDouble(r -> r.seconds).sum());
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            totals(xml, results.size(), failures, skipped, time);
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            totals(xml, results.size(), failures, skipped, time);
            for (CheckResult r : results) {
                testCase(xml, r);
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        return text.toString();
    }

    /** The counts the suites element and its one suite both carry. */
    private static void totals(XMLStreamWriter xml, int tests, long failures, long skipped, String time) throws XMLStreamException {
        xml.writeAttribute("name", "hotlock check");
        xml.writeAttribute("tests", String.valueOf(tests));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", String.valueOf(skipped));
        xml.writeAttribute("time", time);
    }

    private static void testCase(XMLStreamWriter xml, CheckResult r) throws XMLStreamException {
        String className = r.file.getParent() == null ? "scenarios" : r.file.getParent().toString().replace('/', '.');
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", clean(className));
        xml.writeAttribute("name", clean(r.file.getFileName().toString()));
        xml.writeAttribute("time", seconds(r.seconds));
        switch (r.status()) {
            case INCONCLUSIVE -> {
                // neither passed nor failed: what JUnit calls skipped, with what was not settled
                xml.writeCharacters("\n      ");
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", clean(Reports.inconclusiveMessage(r)));
            }
            case FAILED -> {
                xml.writeCharacters("\n      ");
                xml.writeStartElement("failure");
                xml.writeAttribute("message", clean(Reports.failureMessage(r)));
                xml.writeAttribute("type", failureType(r));
                xml.writeCharacters(clean(r.output));
                xml.writeEndElement();
            }
            case PASSED -> {
            }
        }
        xml.writeCharacters("\n      ");
        xml.writeStartElement("system-out");
        xml.writeCharacters(clean(r.output));
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    /** The failure's category (deadlock, invariant, ...) when the scenario's run failed, else hotlock. */
    private static String failureType(CheckResult r) {
        if (r.report != null && r.report.get("failure") instanceof java.util.Map<?, ?> f && f.get("category") != null) {
            return clean(String.valueOf(f.get("category")));
        }
        return "hotlock";
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    /** Without the characters XML 1.0 cannot hold (the writer escapes everything else). */
    static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || Character.isSurrogate(c);
            sb.append(allowed ? c : ' ');
        }
        return sb.toString();
    }
}
