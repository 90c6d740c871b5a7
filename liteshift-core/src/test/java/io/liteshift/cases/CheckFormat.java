package io.liteshift.cases;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders query results the way case files write them: rows joined by {@code " ; "}, columns by {@code |}, NULL
 * as nothing, and every value as Python's {@code str()} shows it (so {@code 2.0} stays {@code 2.0}, integers have no
 * fraction), which keeps the case files runnable by other tools without rewriting their expectations.
 */
final class CheckFormat {
    private CheckFormat() {
    }

    static String rows(List<List<Object>> rows) {
        return rows.stream()
                .map(r -> r.stream().map(CheckFormat::value).collect(Collectors.joining("|")))
                .collect(Collectors.joining(" ; "));
    }

    static String value(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return real(d);
        if (v instanceof Float f) return real(f.doubleValue());
        if (v instanceof byte[] b) return blob(b);
        return v.toString();
    }

    /** Python's repr of a float: shortest digits, plain between 1e-4 and 1e16, otherwise d.ddde+XX. */
    static String real(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = exact.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = exact.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    private static String blob(byte[] bytes) {
        StringBuilder sb = new StringBuilder("b'");
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '\\' || c == '\'') sb.append('\\').append((char) c);
            else if (c >= 0x20 && c < 0x7f) sb.append((char) c);
            else if (c == '\n') sb.append("\\n");
            else if (c == '\t') sb.append("\\t");
            else if (c == '\r') sb.append("\\r");
            else sb.append(String.format("\\x%02x", c));
        }
        return sb.append('\'').toString();
    }
}
