using System;
using KustoSpark.Interop;
using KustoSpark.Interop.Py4J;
using NUnit.Framework;

namespace KustoSpark.Tests.Interop
{
    /// <summary>The Py4J wire forms of arguments and answers, and the command line of spark-submit, without a JVM.</summary>
    [TestFixture]
    public sealed class Py4JProtocolTest
    {
        [TestCase("plain", "plain")]
        [TestCase("a\nb", "a\\nb")]
        [TestCase("a\r\nb", "a\\r\\nb")]
        [TestCase("back\\slash", "back\\\\slash")]
        [TestCase("literal \\n", "literal \\\\n")]
        [TestCase("", "")]
        public void StringsTravelOnOneLine(string text, string escaped)
        {
            Assert.AreEqual(escaped, Py4JProtocol.Escape(text));
            Assert.AreEqual(text, Py4JProtocol.Unescape(escaped));
        }

        [Test]
        public void ArgumentsCarryTheirTypeInTheFirstCharacter()
        {
            Assert.AreEqual("n", Py4JProtocol.EncodeArgument(null));
            Assert.AreEqual("btrue", Py4JProtocol.EncodeArgument(true));
            Assert.AreEqual("bfalse", Py4JProtocol.EncodeArgument(false));
            Assert.AreEqual("i-5", Py4JProtocol.EncodeArgument(-5));
            Assert.AreEqual("L9000000000", Py4JProtocol.EncodeArgument(9000000000L));
            Assert.AreEqual("d1.5", Py4JProtocol.EncodeArgument(1.5));
            Assert.AreEqual("d0.1", Py4JProtocol.EncodeArgument(0.1));
            Assert.AreEqual("dNaN", Py4JProtocol.EncodeArgument(double.NaN));
            Assert.AreEqual("d-Infinity", Py4JProtocol.EncodeArgument(double.NegativeInfinity));
            Assert.AreEqual("D12.345678901234567890", Py4JProtocol.EncodeArgument(12.345678901234567890m));
            Assert.AreEqual("sx\\ny", Py4JProtocol.EncodeArgument("x\ny"));
            Assert.AreEqual("jAQL/", Py4JProtocol.EncodeArgument(new byte[] { 1, 2, 255 }));
        }

        [Test]
        public void AnArgumentOfAnotherTypeIsRefusedByName()
        {
            var e = Assert.Throws<ArgumentException>(() => Py4JProtocol.EncodeArgument(new Uri("http://x")));
            StringAssert.Contains("System.Uri", e.Message);
        }

        [Test]
        public void AnswersDecodeToDotNetValues()
        {
            Assert.IsNull(Py4JProtocol.DecodeValue('v', ""));
            Assert.IsNull(Py4JProtocol.DecodeValue('n', ""));
            Assert.AreEqual(true, Py4JProtocol.DecodeValue('b', "true"));
            Assert.AreEqual(42, Py4JProtocol.DecodeValue('i', "42"));
            Assert.AreEqual(-9000000000L, Py4JProtocol.DecodeValue('L', "-9000000000"));
            Assert.AreEqual(2.5, Py4JProtocol.DecodeValue('d', "2.5"));
            Assert.AreEqual(double.PositiveInfinity, Py4JProtocol.DecodeValue('d', "Infinity"));
            Assert.AreEqual(1.25m, Py4JProtocol.DecodeValue('D', "1.25"));
            Assert.AreEqual("two\nlines", Py4JProtocol.DecodeValue('s', "two\\nlines"));
            CollectionAssert.AreEqual(new byte[] { 1, 2, 255 }, (byte[])Py4JProtocol.DecodeValue('j', "AQL/"));
            foreach (char reference in "rlahtg")
            {
                Assert.AreEqual("o7", ((Py4JProtocol.ObjectId)Py4JProtocol.DecodeValue(reference, "o7")).Id);
            }
            Assert.Throws<Py4JException>(() => Py4JProtocol.DecodeValue('?', "x"));
        }

        [Test]
        public void CommandLinesQuoteWhatASplitterWouldBreak()
        {
            Assert.AreEqual("--class a.B --conf \"spark.jars=/p q/x.jar\" \"\" \"say \\\"hi\\\"\" \"a\\b\" \"it's\"",
                CommandLine.Join(new[] { "--class", "a.B", "--conf", "spark.jars=/p q/x.jar", "", "say \"hi\"", "a\\b", "it's" }));
        }
    }
}
