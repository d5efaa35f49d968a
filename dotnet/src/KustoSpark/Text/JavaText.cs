using System;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace KustoSpark.Text
{
    // Java's text conventions where the builders' output must match the JVM connector's byte for byte:
    // String.trim/isBlank, Double.toString and Object.toString of the values the builders accept.
    internal static class JavaText
    {
        // String.trim: strips chars up to U+0020 only (C#'s Trim also strips Unicode spaces).
        internal static string Trim(string s)
        {
            int start = 0, end = s.Length;
            while (start < end && s[start] <= ' ') start++;
            while (end > start && s[end - 1] <= ' ') end--;
            return s.Substring(start, end - start);
        }

        // String.isBlank: only Character.isWhitespace characters (no-break spaces are not blank).
        internal static bool IsBlank(string s)
        {
            foreach (char c in s)
            {
                if (!IsJavaWhitespace(c)) return false;
            }
            return true;
        }

        private static bool IsJavaWhitespace(char c)
        {
            if (c == '\u00A0' || c == '\u2007' || c == '\u202F') return false;
            if ((c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F')) return true;
            UnicodeCategory cat = char.GetUnicodeCategory(c);
            return cat == UnicodeCategory.SpaceSeparator || cat == UnicodeCategory.LineSeparator
                || cat == UnicodeCategory.ParagraphSeparator;
        }

        // Double.toString: the shortest digits that read back as the same double, plain between
        // 10^-3 and 10^7 ("100.0", "0.001"), else "1.0E20" / "1.0E-5".
        internal static string DoubleToString(double d)
        {
            if (double.IsNaN(d)) return "NaN";
            if (double.IsPositiveInfinity(d)) return "Infinity";
            if (double.IsNegativeInfinity(d)) return "-Infinity";
            if (d == 0) return 1 / d < 0 ? "-0.0" : "0.0";
            string digits;
            int exponent;
            ShortestDigits(d, out digits, out exponent);
            return FormatJavaFloating(d < 0, digits, exponent);
        }

        // Float.toString, with float's shortest digits.
        internal static string FloatToString(float f)
        {
            if (float.IsNaN(f) || float.IsInfinity(f) || f == 0) return DoubleToString(f);
            for (int precision = 1; precision <= 9; precision++)
            {
                string e = f.ToString("E" + (precision - 1), CultureInfo.InvariantCulture);
                if (float.Parse(e, CultureInfo.InvariantCulture) == f)
                {
                    string digits;
                    int exponent;
                    SplitScientific(e, out digits, out exponent);
                    return FormatJavaFloating(f < 0, digits, exponent);
                }
            }
            return DoubleToString(f);
        }

        // The shortest decimal digits that read back as d, the one nearest to d among equally short
        // ones, computed exactly (the runtime's own formatting is not exact on every platform).
        // exponent is the decimal exponent of the first digit.
        private static void ShortestDigits(double d, out string digits, out int exponent)
        {
            long bits = BitConverter.DoubleToInt64Bits(Math.Abs(d));
            int biased = (int)(bits >> 52);
            long fraction = bits & 0xFFFFFFFFFFFFFL;
            long m = biased == 0 ? fraction : fraction | (1L << 52);
            int e = (biased == 0 ? 1 : biased) - 1075;
            // In units of 2^(e-2): the value, and the bounds of the numbers that read back as it.
            BigInteger value = 4 * (BigInteger)m;
            BigInteger high = value + 2;
            BigInteger low = value - (fraction == 0 && biased > 1 ? 1 : 2);
            bool inclusive = m % 2 == 0;
            BigInteger twos = BigInteger.Pow(2, Math.Abs(e - 2));
            int k = (int)Math.Floor(Math.Log10(Math.Abs(d)));
            for (int precision = 1; precision <= 17; precision++)
            {
                BigInteger c;
                int q;
                while (true)
                {
                    q = k - precision + 1;
                    c = RoundedQuotient(value, q, e, twos);
                    if (c >= BigInteger.Pow(10, precision)) k++;
                    else if (c < BigInteger.Pow(10, precision - 1)) k--;
                    else break;
                }
                int toLow = Compare(c, q, low, e, twos);
                int toHigh = Compare(c, q, high, e, twos);
                if ((toLow > 0 || (inclusive && toLow == 0)) && (toHigh < 0 || (inclusive && toHigh == 0)))
                {
                    digits = c.ToString(CultureInfo.InvariantCulture).TrimEnd('0');
                    exponent = k;
                    return;
                }
            }
            SplitScientific(Math.Abs(d).ToString("E16", CultureInfo.InvariantCulture), out digits, out exponent);
        }

        // round(x * 2^(e-2) / 10^q), halves to even.
        private static BigInteger RoundedQuotient(BigInteger x, int q, int e, BigInteger twos)
        {
            BigInteger num = x * (e - 2 >= 0 ? twos : 1) * (q < 0 ? BigInteger.Pow(10, -q) : 1);
            BigInteger den = (q > 0 ? BigInteger.Pow(10, q) : 1) * (e - 2 < 0 ? twos : 1);
            BigInteger remainder;
            BigInteger quotient = BigInteger.DivRem(num, den, out remainder);
            int half = (2 * remainder).CompareTo(den);
            return half > 0 || (half == 0 && !quotient.IsEven) ? quotient + 1 : quotient;
        }

        // Compares c * 10^q with x * 2^(e-2).
        private static int Compare(BigInteger c, int q, BigInteger x, int e, BigInteger twos)
        {
            BigInteger left = c * (q > 0 ? BigInteger.Pow(10, q) : 1) * (e - 2 < 0 ? twos : 1);
            BigInteger right = x * (q < 0 ? BigInteger.Pow(10, -q) : 1) * (e - 2 >= 0 ? twos : 1);
            return left.CompareTo(right);
        }

        // "-1.2345E+006" -> digits "12345" (trailing zeros dropped), exponent 6 (of the first digit).
        private static void SplitScientific(string e, out string digits, out int exponent)
        {
            int ePos = e.IndexOf('E');
            string mantissa = e.Substring(0, ePos).TrimStart('-').Replace(".", "");
            exponent = int.Parse(e.Substring(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            digits = mantissa.TrimEnd('0');
            if (digits.Length == 0) digits = "0";
        }

        private static string FormatJavaFloating(bool negative, string digits, int exponent)
        {
            var s = new StringBuilder();
            if (negative) s.Append('-');
            if (exponent >= 0 && exponent < 7)
            {
                string whole = digits.Length > exponent + 1 ? digits.Substring(0, exponent + 1) : digits.PadRight(exponent + 1, '0');
                string fraction = digits.Length > exponent + 1 ? digits.Substring(exponent + 1) : "0";
                s.Append(whole).Append('.').Append(fraction);
            }
            else if (exponent < 0 && exponent >= -3)
            {
                s.Append("0.").Append('0', -exponent - 1).Append(digits);
            }
            else
            {
                s.Append(digits[0]).Append('.').Append(digits.Length > 1 ? digits.Substring(1) : "0")
                    .Append('E').Append(exponent.ToString(CultureInfo.InvariantCulture));
            }
            return s.ToString();
        }

        // Object.toString of a value handed to a builder, as Java would print it in a message.
        internal static string ValueToString(object value)
        {
            if (value == null) return "null";
            if (value is bool) return (bool)value ? "true" : "false";
            if (value is double) return DoubleToString((double)value);
            if (value is float) return FloatToString((float)value);
            if (value is JavaDecimal) return value.ToString();
            if (value is TimeSpan) return JavaDuration.FromTimeSpan((TimeSpan)value).ToString();
            if (value is DateTime) return JavaInstant.FromDateTime((DateTime)value).ToString();
            if (value is DateTimeOffset) return JavaInstant.FromDateTime(((DateTimeOffset)value).UtcDateTime).ToString();
            IFormattable formattable = value as IFormattable;
            return formattable != null ? formattable.ToString(null, CultureInfo.InvariantCulture) : value.ToString();
        }
    }
}
