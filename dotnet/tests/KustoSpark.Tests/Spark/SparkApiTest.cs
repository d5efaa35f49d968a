using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KustoSpark.Sql;
using NUnit.Framework;

namespace KustoSpark.Tests.Spark
{
    /// <summary>
    /// Every public member of the Spark API, called once against the driver JVM, so that a misspelt JVM
    /// method or an overload Py4J cannot pick fails here; and collected values in their .NET types.
    /// </summary>
    [TestFixture]
    [Category("Spark")]
    public sealed class SparkApiTest
    {
        private static SparkSession Spark
        {
            get { return SparkTestEnvironment.Spark; }
        }

        [Test]
        public void CollectGivesEachSparkTypeItsDotNetType()
        {
            Row row = Spark.Sql("SELECT true AS b, CAST(-7 AS TINYINT) AS by, CAST(300 AS SMALLINT) AS sh, 7 AS i, "
                + "9000000000L AS l, CAST(1.5 AS FLOAT) AS f, 2.25D AS d, CAST('12.345678901234567890' AS DECIMAL(38,18)) AS dec, "
                + "'héllo \"q\"\\nline' AS s, X'0102FF' AS bin, DATE '2024-02-29' AS dt, "
                + "TIMESTAMP '2024-01-02 03:04:05.123456' AS ts, TIMESTAMP_NTZ '2024-01-02 03:04:05' AS ntz, "
                + "array(1, NULL, 3) AS arr, map('k', 1.5D) AS m, named_struct('x', 1, 'y', 'z') AS st, "
                + "CAST(NULL AS STRING) AS n").Collect().Single();

            Assert.AreEqual(true, row.Get("b"));
            Assert.AreEqual((sbyte)-7, row.Get("by"));
            Assert.AreEqual((short)300, row.Get("sh"));
            Assert.AreEqual(7, row.Get("i"));
            Assert.AreEqual(9000000000L, row.Get("l"));
            Assert.AreEqual(1.5f, row.Get("f"));
            Assert.AreEqual(2.25d, row.Get("d"));
            Assert.AreEqual(12.345678901234567890m, row.Get("dec"));
            Assert.AreEqual("héllo \"q\"\nline", row.Get("s"));
            CollectionAssert.AreEqual(new byte[] { 1, 2, 255 }, (byte[])row.Get("bin"));
            Assert.AreEqual(new DateTime(2024, 2, 29, 0, 0, 0, DateTimeKind.Utc), row.Get("dt"));
            var ts = row.GetAs<DateTime>("ts");
            Assert.AreEqual(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234560), ts);
            Assert.AreEqual(DateTimeKind.Utc, ts.Kind);
            Assert.AreEqual(new DateTime(2024, 1, 2, 3, 4, 5), row.Get("ntz"));
            CollectionAssert.AreEqual(new object[] { 1, null, 3 }, (object[])row.Get("arr"));
            Assert.AreEqual(1.5d, ((Dictionary<object, object>)row.Get("m"))["k"]);
            var st = row.GetAs<Row>("st");
            Assert.AreEqual(1, st.Get("x"));
            Assert.AreEqual("z", st.Get("y"));
            Assert.IsNull(row.Get("n"));
            Assert.AreEqual(17, row.Size());
        }

        [Test]
        public void SchemaNamesEveryColumnAndType()
        {
            StructType schema = Spark.Sql("SELECT 1L AS x, CAST(NULL AS DECIMAL(10,2)) AS d, array('a') AS a, map(1, 'b') AS m").Schema();

            CollectionAssert.AreEqual(new[] { "x", "d", "a", "m" }, schema.Fields.Select(f => f.Name).ToArray());
            CollectionAssert.AreEqual(new[] { "bigint", "decimal(10,2)", "array<string>", "map<int,string>" },
                schema.Fields.Select(f => f.DataType.SimpleString).ToArray());
            Assert.IsFalse(schema.Fields[0].IsNullable);
            Assert.IsTrue(schema.Fields[1].IsNullable);
            Assert.AreEqual(2, ((DecimalType)schema.Fields[1].DataType).Scale);
        }

        [Test]
        public void TransformationsRunInTheJvm()
        {
            DataFrame numbers = Spark.Sql("SELECT id AS x, concat('v', CAST(id AS STRING)) AS s FROM range(0, 100)");

            Assert.AreEqual(100, numbers.Count());
            Assert.AreEqual(10, numbers.Filter("x >= 90").Count());
            Assert.AreEqual(6, numbers.Where("s LIKE 'v9%' AND x < 95").Count());
            CollectionAssert.AreEqual(new[] { "s" }, numbers.Select("s").Columns());
            CollectionAssert.AreEqual(new[] { "x", "s" }, numbers.Select("x", "s").Columns());
            CollectionAssert.AreEqual(new object[] { 198L }, numbers.SelectExpr("x * 2 AS y").OrderBy("y").Limit(100).Collect().Last().Values.ToArray());
            CollectionAssert.AreEqual(new[] { "v0", "v1", "v10" }, numbers.Sort("s").Limit(3).Collect().Select(r => r.Get("s")).ToArray());
            CollectionAssert.AreEqual(new[] { "v98", "v99" }, numbers.OrderBy("x").Filter("x > 97").Collect().Select(r => r.GetAs<string>(1)).ToArray());

            numbers.CreateOrReplaceTempView("api_numbers");
            Assert.AreEqual(4950L, Spark.Sql("SELECT sum(x) AS total FROM api_numbers").Collect().Single()[0]);
        }

        [Test]
        public void ShowPrintsSparksTable()
        {
            TextWriter original = Console.Out;
            var captured = new StringWriter();
            Console.SetOut(captured);
            try
            {
                Spark.Sql("SELECT 1 AS one, 'a' AS letter").Show();
                Spark.Sql("SELECT 'abcdefghij' AS word").Show(1, 4, true);
            }
            finally
            {
                Console.SetOut(original);
            }
            StringAssert.Contains("|one|letter|", captured.ToString());
            StringAssert.Contains("word | a...", captured.ToString());
        }

        [Test]
        public void SessionConfigurationAndVersion()
        {
            StringAssert.StartsWith("4.2", Spark.Version());
            RuntimeConfig conf = Spark.Conf();
            Assert.AreEqual("UTC", conf.Get("spark.sql.session.timeZone", "unset"));
            conf.Set("dotnet.test.key", "value");
            Assert.AreEqual("value", conf.Get("dotnet.test.key", "unset"));
            conf.Unset("dotnet.test.key");
            Assert.AreEqual("unset", conf.Get("dotnet.test.key", "unset"));
            Assert.AreSame(Spark, SparkSession.Active());
            Assert.AreSame(Spark, SparkTestEnvironment.NewSessionBuilder().GetOrCreate());
        }

        [Test]
        public void ReaderAndWriterTakeEveryOptionForm()
        {
            string dir = Path.Combine(Path.GetTempPath(), "kusto-spark-api-" + Guid.NewGuid().ToString("N"));
            try
            {
                Spark.Sql("SELECT id AS x FROM range(0, 3)").Write().Format("json")
                    .Option("compression", "none").Option("ignoreNullFields", true).Option("unused.long", 1L)
                    .Options(new Dictionary<string, string> { { "lineSep", "\n" } })
                    .Mode(SaveMode.Overwrite).Save(dir);
                Spark.Sql("SELECT id AS x FROM range(3, 5)").Write().Format("json").Mode("append").Save(dir);

                DataFrame read = Spark.Read().Format("json").Schema("x BIGINT")
                    .Option("multiLine", false).Option("samplingRatio", 1.0).Option("unused.long", 2L)
                    .Options(new Dictionary<string, string> { { "mode", "FAILFAST" } })
                    .Load(dir);
                CollectionAssert.AreEquivalent(new object[] { 0L, 1L, 2L, 3L, 4L }, read.Collect().Select(r => r.Get(0)).ToArray());
            }
            finally
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, true);
                }
            }
        }
    }
}
