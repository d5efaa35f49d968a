using System;
using System.Threading;

namespace KustoSpark.Interop.Py4J
{
    /// <summary>
    /// A JVM object held by the gateway for .NET. Disposing it (or its finalisation) lets the gateway
    /// drop the object.
    /// </summary>
    public sealed class JvmObjectReference : IDisposable
    {
        private readonly bool _owned;
        private int _released;

        internal JvmObjectReference(Py4JClient client, string id, bool owned)
        {
            Client = client;
            Id = id;
            _owned = owned;
        }

        /// <summary>Finalisation queues the release on the client, to be sent with its next command.</summary>
        ~JvmObjectReference()
        {
            if (_owned && Interlocked.Exchange(ref _released, 1) == 0)
            {
                Client.ReleaseLater(Id);
            }
        }

        /// <summary>The client that holds the connection the object came from.</summary>
        public Py4JClient Client { get; private set; }

        /// <summary>The gateway's id of the object, such as <c>o42</c>.</summary>
        public string Id { get; private set; }

        /// <summary>Calls a method of the object.</summary>
        /// <param name="methodName">The Java method's name.</param>
        /// <param name="args">Arguments, as for <see cref="Py4JClient.CallMethod"/>.</param>
        /// <returns>The result, as for <see cref="Py4JClient.CallMethod"/>.</returns>
        public object Invoke(string methodName, params object[] args)
        {
            return Client.CallMethod(this, methodName, args);
        }

        /// <summary>Calls a method that returns an object.</summary>
        /// <param name="methodName">The Java method's name.</param>
        /// <param name="args">Arguments, as for <see cref="Py4JClient.CallMethod"/>.</param>
        /// <returns>The reference the method returned.</returns>
        /// <exception cref="Py4JException">The method returned null or a plain value.</exception>
        public JvmObjectReference InvokeObject(string methodName, params object[] args)
        {
            object result = Invoke(methodName, args);
            var reference = result as JvmObjectReference;
            if (reference == null)
            {
                throw new Py4JException("Expected " + methodName + " to return a JVM object, it returned "
                    + (result == null ? "null" : result.GetType().Name) + ".");
            }
            return reference;
        }

        /// <summary>Releases the JVM object.</summary>
        public void Dispose()
        {
            if (_owned && Interlocked.Exchange(ref _released, 1) == 0)
            {
                Client.Release(Id);
            }
            GC.SuppressFinalize(this);
        }

        /// <summary>The object's gateway id.</summary>
        /// <returns>For example <c>JvmObjectReference(o42)</c>.</returns>
        public override string ToString()
        {
            return "JvmObjectReference(" + Id + ")";
        }
    }
}
