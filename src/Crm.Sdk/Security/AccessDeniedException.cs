namespace Crm.Sdk.Security;

/// <summary>
/// Thrown when the current actor may not do an action on a resource (or on one record of it). Nothing was written. The
/// attempt is recorded in the audit trail.
/// </summary>
public sealed class AccessDeniedException : CrmException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actor">Who tried, or <see langword="null"/> when no actor was set.</param>
    /// <param name="resource">The resource.</param>
    /// <param name="action">The action.</param>
    /// <param name="recordId">The record, when one record was denied.</param>
    public AccessDeniedException(CrmActor? actor, CrmResource resource, CrmAction action, Guid? recordId = null)
        : base(Describe(actor, resource, action, recordId))
    {
        ActorId = actor?.UserId;
        Resource = resource;
        Action = action;
        RecordId = recordId;
    }

    /// <summary>The user id of the actor, or <see langword="null"/> when no actor was set.</summary>
    public string? ActorId { get; }

    /// <summary>The resource.</summary>
    public CrmResource Resource { get; }

    /// <summary>The action.</summary>
    public CrmAction Action { get; }

    /// <summary>The record denied, when one record was.</summary>
    public Guid? RecordId { get; }

    private static string Describe(CrmActor? actor, CrmResource resource, CrmAction action, Guid? recordId) =>
        actor is null
            ? $"No actor is set: {action} on {resource} is denied (the host's ICrmActorAccessor returned none)."
            : recordId is { } id
                ? $"{actor} may not {action} {resource} record {id}: it is outside the actor's access level."
                : $"{actor} may not {action} {resource}: none of the actor's roles ({string.Join(", ", actor.Roles)}) allows it.";
}
