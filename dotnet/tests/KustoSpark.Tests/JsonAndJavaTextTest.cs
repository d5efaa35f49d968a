using System;
using KustoSpark.Text;
using NUnit.Framework;

namespace KustoSpark.Tests
{
    /// The JSON reader and writer and the Java text forms the builders' output depends on.
    [TestFixture]
    public class JsonAndJavaTextTest
    {
        [TestCase("0.1", 0.1)]
        [TestCase("1.0", 1.0)]
        [TestCase("100.0", 100.0)]
        [TestCase("1234567.0", 1234567.0)]
        [TestCase("1.0E7", 1e7)]
        [TestCase("0.001", 0.001)]
        [TestCase("1.0E-4", 1e-4)]
        [TestCase("1.0E20", 1e20)]
        [TestCase("0.30000000000000004", 0.30000000000000004)]
        [TestCase("1.7976931348623157E308", double.MaxValue)]
        [TestCase("-2.5", -2.5)]
        [TestCase("718.4631292185863", 718.4631292185863)]
        public void DoublesPrintAsJavaPrintsThem(string java, double value)
        {
            Assert.AreEqual(java, JavaText.DoubleToString(value));
        }

        [TestCase("1.0E20", "1.0E+20", "100000000000000000000")]
        [TestCase("1.0E-7", "1.0E-7", "0.00000010")]
        [TestCase("0.0020", "0.0020", "0.0020")]
        [TestCase("1e3", "1E+3", "1000")]
        [TestCase("-0.0", "0.0", "0.0")]
        public void DecimalsPrintAsBigDecimal(string input, string text, string plain)
        {
            Assert.AreEqual(text, JavaDecimal.Parse(input).ToString());
            Assert.AreEqual(plain, JavaDecimal.Parse(input).ToPlainString());
        }

        [Test]
        public void WriterEscapesOnlyWhatJsonNeeds()
        {
            Assert.AreEqual("\"a\\\"b\\\\c\\n\\t\\u0001\\u001F/é漢😀\"", JsonWriter.Quote("a\"b\\c\n\t\u0001\u001f/é漢😀"));
        }

        [Test]
        public void ReaderKeepsFieldOrderAndNumberDigits()
        {
            // -0 is the whole number 0 to the JVM's reader; decimals are doubles (1.5, 1000.0), or
            // exact where the connector reads them so (1.50, 1E+3).
            const string json = " {\"b\" : 1.50, \"a\":[true, null, -0, 1e3, \"\\u0000\"]} ";
            Assert.AreEqual("{\"b\":1.5,\"a\":[true,null,0,1000.0,\"\\u0000\"]}", JsonReader.Parse(json, "x").ToString());
            Assert.AreEqual("{\"b\":1.50,\"a\":[true,null,0,1E+3,\"\\u0000\"]}", JsonReader.ParseExactNumbers(json, "x").ToString());
        }

        [TestCase("{\"a\":1,\"a\":2}", "duplicate field name")]
        [TestCase("{\"a\":01}", "leading zeros")]
        [TestCase("{'a':1}", "expected a field name in double quotes")]
        [TestCase("[1,]", "expected a value")]
        [TestCase("{\"a\":\"x\ny\"}", "unescaped control character")]
        [TestCase("{\"a\":tru}", "unrecognized token")]
        public void ReaderRefusesWhatIsNotJson(string text, string problem)
        {
            var e = Assert.Throws<ArgumentException>(() => JsonReader.Parse(text, "what"));
            StringAssert.StartsWith("what is not valid JSON at line ", e.Message);
            StringAssert.Contains(problem, e.Message);
        }

        [TestCase("01:30:00", "01:30:00")]
        [TestCase("-1.02:03:04.5", "-1.02:03:04.5000000")]
        [TestCase("90m", "01:30:00")]
        [TestCase("2d", "2.00:00:00")]
        [TestCase("1500ms", "00:00:01.5000000")]
        [TestCase("7tick", "00:00:00.0000007")]
        public void TimespansParseAndPrintInKustoForm(string text, string canonical)
        {
            Assert.AreEqual(canonical, KustoTimes.Timespan(KustoTimes.ParseTimespanOrNull(text).Value, "t"));
        }

        [TestCase("00:00:60")]
        [TestCase("1.24:00:00")]
        [TestCase("00:60:00")]
        [TestCase("10 m")]
        [TestCase("10min")]
        public void BadTimespansAreNotParsed(string text)
        {
            Assert.IsNull(KustoTimes.ParseTimespanOrNull(text));
        }

        [TestCase("2024-01-02T03:04:05Z", "2024-01-02T03:04:05.0000000Z")]
        [TestCase("2024-01-02t05:04:05.5+02:00", "2024-01-02T03:04:05.5000000Z")]
        [TestCase("2024-01-02T03:04", "2024-01-02T03:04:00.0000000Z")]
        [TestCase("2024-01-02T03:04:05+01", "2024-01-02T02:04:05.0000000Z")]
        [TestCase("2024-01-02T03:04:05.+01:00:30", "2024-01-02T02:03:35.0000000Z")]
        [TestCase("1704164645.123", "2024-01-02T03:04:05.1230000Z")]
        [TestCase("-1.5", "1969-12-31T23:59:58.5000000Z")]
        public void InstantsParseAndPrintInKustoForm(string text, string canonical)
        {
            Assert.AreEqual(canonical, KustoTimes.Instant(KustoTimes.ParseInstantOrNull(text).Value, "i"));
        }

        [TestCase("2024-02-30T00:00:00Z")]
        [TestCase("2024-01-02 03:04:05Z")]
        [TestCase("2024-01-02T24:00:00Z")]
        [TestCase("yesterday")]
        [TestCase("2024-01-02T03:04:05+0100")]
        [TestCase("2024-01-02T03:04:05+19")]
        public void BadInstantsAreNotParsed(string text)
        {
            Assert.IsNull(KustoTimes.ParseInstantOrNull(text));
        }
    }
}
