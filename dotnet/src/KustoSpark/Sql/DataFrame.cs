using System;
using System.Collections.Generic;
using System.Linq;
using KustoSpark.Interop.Py4J;

namespace KustoSpark.Sql
{
    /// <summary>
    /// A distributed collection of rows with a schema: a JVM <c>Dataset&lt;Row&gt;</c>. Transformations
    /// return new DataFrames and run nothing; <see cref="Count"/>, <see cref="Collect"/>,
    /// <see cref="Show"/> and writes run a Spark job.
    /// </summary>
    public sealed class DataFrame : IJvmObjectReferenceProvider
    {
        private readonly SparkSession _session;

        internal DataFrame(JvmObjectReference reference, SparkSession session)
        {
            Reference = reference;
            _session = session;
        }

        /// <summary>The JVM's <c>Dataset&lt;Row&gt;</c>.</summary>
        public JvmObjectReference Reference { get; private set; }

        /// <summary>The number of rows.</summary>
        /// <returns>The count.</returns>
        public long Count()
        {
            return (long)Reference.Invoke("count");
        }

        /// <summary>Every row, collected to this process with typed values (see <see cref="Row"/>).</summary>
        /// <returns>The rows, in the DataFrame's order.</returns>
        public IEnumerable<Row> Collect()
        {
            string json = (string)_session.EntryPoint.Invoke("collectJson", Reference);
            return RowDecoder.Decode(json);
        }

        /// <summary>Prints the first rows as a table, as Spark's <c>show</c> does.</summary>
        /// <param name="numRows">How many rows.</param>
        /// <param name="truncate">Longest cell text before it is cut; 0 for no limit.</param>
        /// <param name="vertical">One line per column instead of a table.</param>
        public void Show(int numRows = 20, int truncate = 20, bool vertical = false)
        {
            Console.WriteLine((string)Reference.Invoke("showString", numRows, truncate, vertical));
        }

        /// <summary>The schema.</summary>
        /// <returns>The columns' names and types.</returns>
        public StructType Schema()
        {
            using (JvmObjectReference schema = Reference.InvokeObject("schema"))
            {
                return (StructType)DataType.Parse((string)schema.Invoke("json"));
            }
        }

        /// <summary>The column names.</summary>
        /// <returns>The names, in order.</returns>
        public string[] Columns()
        {
            return Schema().Fields.Select(field => field.Name).ToArray();
        }

        /// <summary>The rows for which a SQL condition holds.</summary>
        /// <param name="conditionExpr">A SQL boolean expression, such as <c>x &gt; 10 AND s LIKE 'v%'</c>.</param>
        /// <returns>The filtered DataFrame.</returns>
        public DataFrame Filter(string conditionExpr)
        {
            return Wrap(Reference.InvokeObject("filter", conditionExpr));
        }

        /// <summary>The same as <see cref="Filter"/>.</summary>
        /// <param name="conditionExpr">A SQL boolean expression.</param>
        /// <returns>The filtered DataFrame.</returns>
        public DataFrame Where(string conditionExpr)
        {
            return Wrap(Reference.InvokeObject("where", conditionExpr));
        }

        /// <summary>The named columns.</summary>
        /// <param name="column">A column name.</param>
        /// <param name="columns">More column names.</param>
        /// <returns>A DataFrame of those columns.</returns>
        public DataFrame Select(string column, params string[] columns)
        {
            using (JvmObjectReference more = StringArray(columns))
            {
                return Wrap(Reference.InvokeObject("select", column, more));
            }
        }

        /// <summary>Columns computed by SQL expressions, such as <c>x * 2 AS y</c>.</summary>
        /// <param name="expressions">SQL expressions.</param>
        /// <returns>A DataFrame of those columns.</returns>
        public DataFrame SelectExpr(params string[] expressions)
        {
            using (JvmObjectReference array = StringArray(expressions))
            {
                return Wrap(Reference.InvokeObject("selectExpr", array));
            }
        }

        /// <summary>The rows sorted by columns, ascending.</summary>
        /// <param name="column">A column name.</param>
        /// <param name="columns">More column names.</param>
        /// <returns>The sorted DataFrame.</returns>
        public DataFrame OrderBy(string column, params string[] columns)
        {
            using (JvmObjectReference more = StringArray(columns))
            {
                return Wrap(Reference.InvokeObject("orderBy", column, more));
            }
        }

        /// <summary>The same as <see cref="OrderBy"/>.</summary>
        /// <param name="column">A column name.</param>
        /// <param name="columns">More column names.</param>
        /// <returns>The sorted DataFrame.</returns>
        public DataFrame Sort(string column, params string[] columns)
        {
            using (JvmObjectReference more = StringArray(columns))
            {
                return Wrap(Reference.InvokeObject("sort", column, more));
            }
        }

        /// <summary>The first <paramref name="n"/> rows.</summary>
        /// <param name="n">How many rows.</param>
        /// <returns>The limited DataFrame.</returns>
        public DataFrame Limit(int n)
        {
            return Wrap(Reference.InvokeObject("limit", n));
        }

        /// <summary>Registers the DataFrame as a temporary view for <see cref="SparkSession.Sql"/>.</summary>
        /// <param name="viewName">The view's name.</param>
        public void CreateOrReplaceTempView(string viewName)
        {
            Reference.Invoke("createOrReplaceTempView", viewName);
        }

        /// <summary>A writer of the rows to a data source, such as the <c>kusto</c> format.</summary>
        /// <returns>A new writer.</returns>
        public DataFrameWriter Write()
        {
            return new DataFrameWriter(Reference.InvokeObject("write"));
        }

        private DataFrame Wrap(JvmObjectReference dataset)
        {
            return new DataFrame(dataset, _session);
        }

        private JvmObjectReference StringArray(string[] values)
        {
            return _session.Client.NewArray("java.lang.String", (values ?? new string[0]).Cast<object>().ToList());
        }
    }
}
