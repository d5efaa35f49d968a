using KustoSpark.Interop.Py4J;
using NUnit.Framework;

namespace KustoSpark.Tests.Spark
{
    /// <summary>The Py4J client's commands against the driver JVM's gateway: constructors, calls, fields, arrays, releases.</summary>
    [TestFixture]
    [Category("Spark")]
    public sealed class Py4JClientTest
    {
        private static Py4JClient Client
        {
            get { return SparkTestEnvironment.Spark.Reference.Client; }
        }

        [Test]
        public void ConstructorsInstanceAndStaticCalls()
        {
            using (JvmObjectReference list = Client.CallConstructor("java.util.ArrayList"))
            {
                Assert.AreEqual(true, list.Invoke("add", "two\nlines"));
                Assert.AreEqual(true, list.Invoke("add", 9000000000L));
                Assert.AreEqual(2, list.Invoke("size"));
                Assert.AreEqual("two\nlines", list.Invoke("get", 0));
                Assert.AreEqual(9000000000L, list.Invoke("get", 1));
            }
            Assert.AreEqual(7, Client.CallStatic("java.lang.Math", "max", 3, 7));
            Assert.AreEqual(2.5, Client.CallStatic("java.lang.Double", "valueOf", "2.5"));
            Assert.AreEqual(12.5m, Client.CallStatic("java.math.BigDecimal", "valueOf", 12.5));
        }

        [Test]
        public void FieldsAndArrays()
        {
            using (JvmObjectReference point = Client.CallConstructor("java.awt.Point", 3, 4))
            {
                Assert.AreEqual(3, Client.GetField(point, "x"));
                Assert.AreEqual(4, Client.GetField(point, "y"));
            }
            using (JvmObjectReference array = Client.NewArray("java.lang.String", new object[] { "a", "b\\c" }))
            {
                Assert.AreEqual(2, Client.CallStatic("java.lang.reflect.Array", "getLength", array));
                Assert.AreEqual("b\\c", Client.CallStatic("java.lang.reflect.Array", "get", array, 1));
            }
        }

        [Test]
        public void AReleasedReferenceIsGoneFromTheGateway()
        {
            JvmObjectReference list = Client.CallConstructor("java.util.ArrayList");
            string id = list.Id;
            list.Dispose();
            list.Dispose();

            var stale = new JvmObjectReference(Client, id, false);
            var e = Assert.Throws<Py4JException>(() => stale.Invoke("size"));
            StringAssert.Contains(id, e.Message);
        }

        [Test]
        public void AJavaExceptionCarriesItsClassMessageAndTrace()
        {
            var e = Assert.Throws<JavaException>(() => Client.CallStatic("java.lang.Integer", "parseInt", "twelve"));

            Assert.AreEqual("java.lang.NumberFormatException", e.JavaClassName);
            Assert.AreEqual("For input string: \"twelve\"", e.JavaMessage);
            Assert.AreEqual("java.lang.NumberFormatException: For input string: \"twelve\"", e.Message);
            StringAssert.Contains("at java.base/java.lang.Integer.parseInt", e.JavaStackTrace);
        }
    }
}
