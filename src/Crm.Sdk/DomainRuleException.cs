namespace Crm.Sdk;

/// <summary>
/// Thrown when an operation breaks a rule of the domain, for example moving a closed deal or
/// rating a ticket that is not resolved. The record was left unchanged.
/// </summary>
public class DomainRuleException : CrmException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="rule">A stable, machine-readable rule name, for example <c>deal-closed</c>.</param>
    /// <param name="message">A readable explanation.</param>
    public DomainRuleException(string rule, string message)
        : base(message)
    {
        Rule = rule;
    }

    /// <summary>The stable name of the broken rule.</summary>
    public string Rule { get; }
}
