namespace Crm.Sdk;

/// <summary>Thrown when a workflow is asked to go from its current status to one it cannot reach.</summary>
public sealed class InvalidStatusTransitionException : DomainRuleException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="entityType">The kind of record, for example <c>Ticket</c>.</param>
    /// <param name="currentStatus">The status the record is in.</param>
    /// <param name="attemptedStatus">The status the caller asked for.</param>
    public InvalidStatusTransitionException(string entityType, string currentStatus, string attemptedStatus)
        : base("invalid-status-transition", $"{entityType} cannot go from status '{currentStatus}' to '{attemptedStatus}'.")
    {
        EntityType = entityType;
        CurrentStatus = currentStatus;
        AttemptedStatus = attemptedStatus;
    }

    /// <summary>The kind of record.</summary>
    public string EntityType { get; }

    /// <summary>The status the record is in.</summary>
    public string CurrentStatus { get; }

    /// <summary>The status the caller asked for.</summary>
    public string AttemptedStatus { get; }
}
