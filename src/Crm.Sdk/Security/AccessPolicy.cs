using System.Collections.Frozen;
using Crm.Sdk.Audit;

namespace Crm.Sdk.Security;

/// <summary>
/// Decides what the current actor may do: the highest level any of its roles grants for a resource and action, turned
/// into an <see cref="AccessScope"/>. <see cref="Unrestricted"/> (access control not added) lets everyone do everything as
/// <see cref="CrmActor.System"/>. No actor is denied everything.
/// </summary>
internal sealed class AccessPolicy
{
    private readonly ICrmActorAccessor? _accessor;
    private readonly ICrmTeamDirectory? _teams;
    private readonly FrozenDictionary<string, CrmRoleOptions> _roles;
    // Resolved at the first denial: the audit trail writes through the store, which itself needs this policy.
    private readonly Func<IAccessAuditSink?>? _audit;

    private AccessPolicy(ICrmActorAccessor? accessor, ICrmTeamDirectory? teams, IDictionary<string, CrmRoleOptions> roles, Func<IAccessAuditSink?>? audit = null)
    {
        _accessor = accessor;
        _audit = audit;
        _teams = teams;
        _roles = roles.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Access control not added: everything is allowed, as the system actor.</summary>
    public static AccessPolicy Unrestricted { get; } = new(null, null, new Dictionary<string, CrmRoleOptions>());

    /// <summary>Whether access control is on.</summary>
    public bool IsEnabled => _accessor is not null;

    /// <summary>The current actor: the accessor's (null when none), or the system actor when access control is off.</summary>
    public CrmActor? Actor => _accessor is null ? CrmActor.System : _accessor.Current;

    /// <summary>
    /// Whether the current actor sees personal data unmasked: access control is off, the actor is
    /// <see cref="CrmActor.System"/>, or any of its roles has <see cref="CrmRoleOptions.SeesPersonalData"/>. No actor sees none.
    /// </summary>
    public bool SeesPersonalData =>
        Actor is { } actor
        && (actor.IsSystem || actor.Roles.Any(name => _roles.TryGetValue(name, out var role) && role.SeesPersonalData));

    /// <summary>Creates the policy over the host's accessor and roles (already validated); denials go to <paramref name="audit"/> when given.</summary>
    public static AccessPolicy Create(ICrmActorAccessor accessor, ICrmTeamDirectory teams, AccessControlOptions options, Func<IAccessAuditSink?>? audit = null) =>
        new(accessor, teams, options.Roles, audit);

    /// <summary>What the current actor may reach for <paramref name="resource"/> and <paramref name="action"/>.</summary>
    /// <exception cref="AccessDeniedException">No actor is set, or none of its roles grants the action.</exception>
    public async ValueTask<AccessScope> ScopeAsync(CrmResource resource, CrmAction action, CancellationToken cancellationToken)
    {
        var actor = Actor ?? throw await DeniedAsync(new AccessDeniedException(null, resource, action), null, resource, action, null, cancellationToken).ConfigureAwait(false);
        if (actor.IsSystem)
        {
            return new AccessScope(actor, AccessLevel.All, FrozenSet<string>.Empty, SeesPersonalData: true);
        }

        var key = CrmRoleOptions.Key(resource, action);
        var level = AccessLevel.None;
        var seesPersonalData = false;
        foreach (var name in actor.Roles)
        {
            if (_roles.TryGetValue(name, out var role))
            {
                seesPersonalData |= role.SeesPersonalData;
                if (role.Permissions.TryGetValue(key, out var granted) && granted > level)
                {
                    level = granted;
                }
            }
        }

        if (level == AccessLevel.None)
        {
            throw await DeniedAsync(new AccessDeniedException(actor, resource, action), actor, resource, action, null, cancellationToken).ConfigureAwait(false);
        }

        var owners = new HashSet<string>(StringComparer.Ordinal) { actor.UserId };
        if (level == AccessLevel.Team)
        {
            foreach (var team in actor.TeamIds)
            {
                owners.UnionWith(await _teams!.GetMembersAsync(team, cancellationToken).ConfigureAwait(false));
            }
        }

        return new AccessScope(actor, level, owners, seesPersonalData);
    }

    /// <summary>Checks that the current actor may act on one record owned by <paramref name="ownerId"/>.</summary>
    /// <exception cref="AccessDeniedException">The action is denied, or the record is outside the actor's scope.</exception>
    public async ValueTask<AccessScope> ThrowIfDeniedAsync(CrmResource resource, CrmAction action, Guid recordId, string? ownerId, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(resource, action, cancellationToken).ConfigureAwait(false);
        return scope.Allows(ownerId)
            ? scope
            : throw await DeniedAsync(new AccessDeniedException(scope.Actor, resource, action, recordId), scope.Actor, resource, action, recordId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks that a record owned by <paramref name="ownerId"/> is in <paramref name="scope"/>; a denial is recorded like any other.</summary>
    /// <exception cref="AccessDeniedException">The record is outside the scope.</exception>
    public async ValueTask ThrowUnlessAllowsAsync(AccessScope scope, CrmResource resource, CrmAction action, Guid recordId, string? ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.Allows(ownerId))
        {
            throw await DeniedAsync(new AccessDeniedException(scope.Actor, resource, action, recordId), scope.Actor, resource, action, recordId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Records a denied attempt in the audit trail, on its own, when the audit trail is added, and returns the exception to
    /// throw. The caller gets the <see cref="AccessDeniedException"/> whatever happens to the record.
    /// </summary>
    private async ValueTask<AccessDeniedException> DeniedAsync(AccessDeniedException denied, CrmActor? actor, CrmResource resource, CrmAction action, Guid? recordId, CancellationToken cancellationToken)
    {
        if (_audit?.Invoke() is { } audit)
        {
            try
            {
                await audit.RecordDeniedAsync(actor, resource, action, recordId, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The denial is what the caller must see; a failed record of it must not replace it.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        return denied;
    }

    /// <summary>
    /// Like <see cref="ScopeAsync"/>, but <see langword="null"/> rather than a denial when the actor's roles do not grant
    /// the action: for the parts of a summary (360°, pipeline) that an actor allowed the summary may not see, which then
    /// count nothing. No actor still throws.
    /// </summary>
    /// <exception cref="AccessDeniedException">No actor is set.</exception>
    public async ValueTask<AccessScope?> TryScopeAsync(CrmResource resource, CrmAction action, CancellationToken cancellationToken)
    {
        var actor = Actor ?? throw new AccessDeniedException(null, resource, action);
        var key = CrmRoleOptions.Key(resource, action);
        var granted = actor.IsSystem || actor.Roles.Any(name =>
            _roles.TryGetValue(name, out var role) && role.Permissions.TryGetValue(key, out var level) && level > AccessLevel.None);
        return granted ? await ScopeAsync(resource, action, cancellationToken).ConfigureAwait(false) : null;
    }
}
