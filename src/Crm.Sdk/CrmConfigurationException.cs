namespace Crm.Sdk;

/// <summary>Thrown at start-up when Crm.Sdk is registered with missing or invalid options.</summary>
public sealed class CrmConfigurationException : CrmException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing or wrong, and how to fix it.</param>
    public CrmConfigurationException(string message)
        : base(message)
    {
    }
}
