namespace Crm.Sdk;

/// <summary>
/// The base of every exception that Crm.Sdk throws on purpose. Catch it to handle any failure a
/// caller can cause; the derived types say which rule was broken.
/// </summary>
public abstract class CrmException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong, in words a developer can act on.</param>
    protected CrmException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong, in words a developer can act on.</param>
    /// <param name="innerException">The underlying exception.</param>
    protected CrmException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
