namespace DxIndicators.Storage;

/// <summary>A revision the store refuses, or a store it cannot open; the message lists every offending key.</summary>
public sealed class ObservationStoreException : InvalidOperationException
{
    /// <summary>Initializes an exception.</summary>
    public ObservationStoreException()
    {
    }

    /// <summary>Initializes an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ObservationStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes an exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ObservationStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
