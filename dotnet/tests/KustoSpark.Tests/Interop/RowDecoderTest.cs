using System;
using System.Collections.Generic;
using System.Linq;
using KustoSpark.Sql;
using NUnit.Framework;

namespace KustoSpark.Tests.Interop
{
    /// <summary>Rows in the gateway's collectJson encoding become typed .NET values, without a JVM.</summary>
    [TestFixture]
    public sealed class RowDecoderTest
    {
        private const string Schema = "{\"type\":\"struct\",\"fields\":["
            + "{\"name\":\"ts\",\"type\":\"timestamp\",\"nullable\":true,\"metadata\":{}},"
            + "{\"name\":\"d\",\"type\":\"decimal(38,18)\",\"nullable\":true,\"metadata\":{}},"
            + "{\"name\":\"day\",\"type\":\"date\",\"nullable\":true,\"metadata\":{}},"
            + "{\"name\":\"r\",\"type\":\"double\",\"nullable\":true,\"metadata\":{}},"
            + "{\"name\":\"m\",\"type\":{\"type\":\"map\",\"keyType\":\"string\",\"valueType\":\"long\",\"valueContainsNull\":true},\"nullable\":true,\"metadata\":{}},"
            + "{\"name\":\"st\",\"type\":{\"type\":\"struct\",\"fields\":[{\"name\":\"x\",\"type\":\"integer\",\"nullable\":false,\"metadata\":{}}]},\"nullable\":true,\"metadata\":{}}"
            + "]}";

        [Test]
        public void ValuesTakeTheirColumnsTypes()
        {
            List<Row> rows = RowDecoder.Decode("{\"schema\":" + Schema + ",\"rows\":["
                + "[-1,\"12345678901234567890.12345678\",-1,\"NaN\",[[\"k\",9000000000]],[3]],"
                + "[null,null,null,null,null,null]]}");

            Row values = rows[0];
            Assert.AreEqual(new DateTime(1969, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9999990), values.Get("ts"));
            Assert.AreEqual(12345678901234567890.12345678m, values.Get("d"));
            Assert.AreEqual(new DateTime(1969, 12, 31, 0, 0, 0, DateTimeKind.Utc), values.Get("day"));
            Assert.IsTrue(double.IsNaN(values.GetAs<double>("r")));
            Assert.AreEqual(9000000000L, ((Dictionary<object, object>)values.Get("m"))["k"]);
            Assert.AreEqual(3, values.GetAs<Row>("st").Get("x"));
            CollectionAssert.AreEqual(new object[6], rows[1].Values.ToArray());
            Assert.AreEqual("[1969-12-31 23:59:59.999999,12345678901234567890.12345678,1969-12-31 00:00:00,NaN,{k -> 9000000000},[3]]",
                values.ToString());
        }

        [TestCase("99999999999999999999999999999999.999999")]
        [TestCase("12345678901234567890.123456789012345678")]
        public void ADecimalSystemDecimalCannotHoldExactlyIsAnErrorNamingTheColumn(string value)
        {
            var e = Assert.Throws<OverflowException>(() => RowDecoder.Decode("{\"schema\":" + Schema
                + ",\"rows\":[[null,\"" + value + "\",null,null,null,null]]}"));
            StringAssert.Contains("'d'", e.Message);
            StringAssert.Contains(value, e.Message);
        }
    }
}
