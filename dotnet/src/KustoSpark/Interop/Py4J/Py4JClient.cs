using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KustoSpark.Interop.Py4J
{
    /// <summary>
    /// A client of a Py4J <c>GatewayServer</c>: constructors, instance and static calls, fields, arrays
    /// and the release of object references, over one authenticated connection.
    /// </summary>
    /// <remarks>
    /// Py4J answers one command at a time per connection, so calls are serialised; the JVM runs each
    /// call on the connection's thread. Thread-safe.
    /// </remarks>
    public sealed class Py4JClient : IDisposable
    {
        private const int MaxCauses = 8;

        private readonly object _sync = new object();
        private readonly TcpClient _socket;
        private readonly StreamReader _reader;
        private readonly StreamWriter _writer;
        // Ids of references that were finalised: a finaliser must not block on the socket, so the
        // release is sent before the next command.
        private readonly ConcurrentQueue<string> _abandoned = new ConcurrentQueue<string>();
        private bool _closed;

        private Py4JClient(TcpClient socket)
        {
            _socket = socket;
            var stream = socket.GetStream();
            var utf8 = new UTF8Encoding(false);
            _reader = new StreamReader(stream, utf8, false, 8192);
            _writer = new StreamWriter(stream, utf8, 8192) { NewLine = "\n", AutoFlush = false };
        }

        /// <summary>Connects to a gateway on loopback and authenticates with <paramref name="authToken"/>.</summary>
        /// <param name="port">The gateway's port.</param>
        /// <param name="authToken">The token the gateway was started with.</param>
        /// <exception cref="Py4JException">The gateway refused the token.</exception>
        public static Py4JClient Connect(int port, string authToken)
        {
            if (string.IsNullOrEmpty(authToken))
            {
                throw new ArgumentException("The gateway's auth token is empty; pass the token the gateway was started with.", "authToken");
            }
            var socket = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true };
            socket.Connect(IPAddress.Loopback, port);
            var client = new Py4JClient(socket);
            try
            {
                // The auth command is the only one without an end line.
                string answer = client.Exchange(Py4JProtocol.Auth + "\n" + authToken + "\n");
                if (answer.Length < 1 || answer[0] != Py4JProtocol.Success)
                {
                    throw new Py4JException("The Py4J gateway on port " + port + " refused the auth token.");
                }
            }
            catch
            {
                client.Dispose();
                throw;
            }
            return client;
        }

        /// <summary>The gateway's entry point object.</summary>
        public JvmObjectReference EntryPoint
        {
            get { return new JvmObjectReference(this, Py4JProtocol.EntryPointId, false); }
        }

        /// <summary>Calls the method <paramref name="methodName"/> of a JVM object.</summary>
        /// <param name="target">The object.</param>
        /// <param name="methodName">The Java method's name.</param>
        /// <param name="args">Arguments: null, bool, int, long, double, decimal, string, byte[] or references.</param>
        /// <returns>The result as a .NET value, a <see cref="JvmObjectReference"/>, or null.</returns>
        /// <exception cref="JavaException">The method threw.</exception>
        public object CallMethod(JvmObjectReference target, string methodName, params object[] args)
        {
            return Send(CallCommand(target.Id, methodName, args), target.Id + "." + methodName);
        }

        /// <summary>Calls the static method <paramref name="methodName"/> of the class <paramref name="className"/>.</summary>
        /// <param name="className">The class's fully qualified name.</param>
        /// <param name="methodName">The Java method's name.</param>
        /// <param name="args">Arguments, as for <see cref="CallMethod"/>.</param>
        /// <returns>The result, as for <see cref="CallMethod"/>.</returns>
        public object CallStatic(string className, string methodName, params object[] args)
        {
            return Send(CallCommand(Py4JProtocol.StaticPrefix + className, methodName, args), className + "." + methodName);
        }

        /// <summary>Creates a JVM object with the constructor of <paramref name="className"/> that fits the arguments.</summary>
        /// <param name="className">The class's fully qualified name.</param>
        /// <param name="args">Arguments, as for <see cref="CallMethod"/>.</param>
        /// <returns>A reference to the new object.</returns>
        public JvmObjectReference CallConstructor(string className, params object[] args)
        {
            var command = new StringBuilder();
            command.Append(Py4JProtocol.Constructor).Append('\n').Append(className).Append('\n');
            AppendArguments(command, args);
            return (JvmObjectReference)Send(command.ToString(), "new " + className);
        }

        /// <summary>Reads the public field <paramref name="fieldName"/> of a JVM object.</summary>
        /// <param name="target">The object.</param>
        /// <param name="fieldName">The field's name.</param>
        /// <returns>The field's value, as for <see cref="CallMethod"/>.</returns>
        public object GetField(JvmObjectReference target, string fieldName)
        {
            string command = Py4JProtocol.Field + "\n" + Py4JProtocol.FieldGet + "\n" + target.Id + "\n" + fieldName + "\n"
                + Py4JProtocol.End + "\n";
            return Send(command, target.Id + "." + fieldName);
        }

        /// <summary>Creates a Java array of <paramref name="elementClassName"/> holding <paramref name="values"/>.</summary>
        /// <param name="elementClassName">The element class's fully qualified name, such as <c>java.lang.String</c>.</param>
        /// <param name="values">The elements, as for the arguments of <see cref="CallMethod"/>.</param>
        /// <returns>A reference to the array.</returns>
        public JvmObjectReference NewArray(string elementClassName, IList<object> values)
        {
            var create = new StringBuilder();
            create.Append(Py4JProtocol.Array).Append('\n').Append(Py4JProtocol.ArrayCreate).Append('\n');
            AppendArguments(create, new object[] { elementClassName, values.Count });
            var array = (JvmObjectReference)Send(create.ToString(), "new " + elementClassName + "[]");
            for (int i = 0; i < values.Count; i++)
            {
                var set = new StringBuilder();
                set.Append(Py4JProtocol.Array).Append('\n').Append(Py4JProtocol.ArraySet).Append('\n')
                    .Append(array.Id).Append('\n');
                AppendArguments(set, new[] { i, values[i] });
                Send(set.ToString(), elementClassName + "[" + i + "]");
            }
            return array;
        }

        /// <summary>Tells the gateway that the object <paramref name="id"/> is no longer referenced from .NET.</summary>
        internal void Release(string id)
        {
            lock (_sync)
            {
                if (_closed)
                {
                    return;
                }
                SendRelease(id);
            }
        }

        /// <summary>Queues a release for the next command: called from finalisers.</summary>
        internal void ReleaseLater(string id)
        {
            if (!_closed)
            {
                _abandoned.Enqueue(id);
            }
        }

        private static string CallCommand(string targetId, string methodName, object[] args)
        {
            var command = new StringBuilder();
            command.Append(Py4JProtocol.Call).Append('\n').Append(targetId).Append('\n').Append(methodName).Append('\n');
            AppendArguments(command, args);
            return command.ToString();
        }

        private static void AppendArguments(StringBuilder command, object[] args)
        {
            if (args != null)
            {
                foreach (object arg in args)
                {
                    command.Append(Py4JProtocol.EncodeArgument(arg)).Append('\n');
                }
            }
            command.Append(Py4JProtocol.End).Append('\n');
        }

        private object Send(string command, string what)
        {
            string answer;
            lock (_sync)
            {
                if (_closed)
                {
                    throw new ObjectDisposedException("Py4JClient", "The connection to the Spark gateway is closed; call " + what + " on a running session.");
                }
                string abandoned;
                while (_abandoned.TryDequeue(out abandoned))
                {
                    SendRelease(abandoned);
                }
                answer = Exchange(command);
            }
            return Interpret(answer, what);
        }

        private void SendRelease(string id)
        {
            Exchange(Py4JProtocol.Memory + "\n" + Py4JProtocol.MemoryDelete + "\n" + id + "\n" + Py4JProtocol.End + "\n");
        }

        /// <summary>Writes a command and reads its answer, without the leading <c>!</c>.</summary>
        private string Exchange(string command)
        {
            string line;
            try
            {
                _writer.Write(command);
                _writer.Flush();
                line = _reader.ReadLine();
            }
            catch (IOException e)
            {
                throw new Py4JException("The connection to the Spark gateway failed: " + e.Message, e);
            }
            if (string.IsNullOrEmpty(line))
            {
                throw new Py4JException("The Spark gateway closed the connection (did its JVM exit?).");
            }
            return line[0] == '!' ? line.Substring(1) : line;
        }

        private object Interpret(string answer, string what)
        {
            char status = answer[0];
            if (status == Py4JProtocol.Success)
            {
                if (answer.Length < 2)
                {
                    return null;
                }
                if (answer[1] == Py4JProtocol.NoMemberType)
                {
                    throw new Py4JException("The JVM has no member for " + what + ".");
                }
                return Wrap(Py4JProtocol.DecodeValue(answer[1], answer.Substring(2)));
            }
            if (status == Py4JProtocol.Error && answer.Length > 1 && answer[1] == Py4JProtocol.ReferenceType)
            {
                using (var throwable = new JvmObjectReference(this, answer.Substring(2), true))
                {
                    throw DescribeThrowable(throwable, 0);
                }
            }
            if (status == Py4JProtocol.Error && answer.Length > 1 && answer[1] == Py4JProtocol.StringType)
            {
                // The gateway could not run the call (no such method, arguments that fit no overload).
                throw new Py4JException("The gateway could not call " + what + ": " + Py4JProtocol.Unescape(answer.Substring(2)));
            }
            throw new Py4JException("The gateway could not call " + what + " (answer '" + answer + "').");
        }

        private object Wrap(object value)
        {
            var id = value as Py4JProtocol.ObjectId;
            return id == null ? value : new JvmObjectReference(this, id.Id, true);
        }

        /// <summary>A .NET exception for a Java throwable, with its causes as inner exceptions.</summary>
        private JavaException DescribeThrowable(JvmObjectReference throwable, int depth)
        {
            string className;
            using (var type = (JvmObjectReference)CallMethod(throwable, "getClass"))
            {
                className = (string)CallMethod(type, "getName");
            }
            string message = (string)CallMethod(throwable, "getMessage");
            string trace = (string)Send(Py4JProtocol.ExceptionTrace + "\n" + "r" + throwable.Id + "\n" + Py4JProtocol.End + "\n",
                "the stack trace of " + className);
            JavaException cause = null;
            if (depth < MaxCauses)
            {
                var causeReference = CallMethod(throwable, "getCause") as JvmObjectReference;
                if (causeReference != null)
                {
                    using (causeReference)
                    {
                        bool isSelf = (bool)CallMethod(causeReference, "equals", throwable);
                        cause = isSelf ? null : DescribeThrowable(causeReference, depth + 1);
                    }
                }
            }
            return new JavaException(className, message, trace, cause);
        }

        /// <summary>Closes the connection; the gateway releases the objects it held for it.</summary>
        public void Dispose()
        {
            lock (_sync)
            {
                if (_closed)
                {
                    return;
                }
                _closed = true;
            }
            _socket.Close();
        }
    }
}
