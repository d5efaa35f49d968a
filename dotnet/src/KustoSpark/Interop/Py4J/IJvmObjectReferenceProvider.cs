namespace KustoSpark.Interop.Py4J
{
    /// <summary>A .NET wrapper of a JVM object, whose reference can be passed to JVM calls.</summary>
    public interface IJvmObjectReferenceProvider
    {
        /// <summary>The wrapped JVM object.</summary>
        JvmObjectReference Reference { get; }
    }
}
