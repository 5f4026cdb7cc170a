namespace Crm.Sdk;

/// <summary>
/// Thrown when the storage provider fails (the database file is locked, the server is unreachable, …).
/// The provider's own exception is <see cref="Exception.InnerException"/>. Thrown by reads as well as writes; when a
/// write fails this way its transaction was rolled back and nothing of the call was written.
/// </summary>
public sealed class CrmStorageException : CrmException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the SDK was doing.</param>
    /// <param name="innerException">The provider's exception.</param>
    public CrmStorageException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether retrying the same call may succeed (a dropped connection, a busy database, a serialization failure).</summary>
    public bool IsTransient { get; init; }
}
