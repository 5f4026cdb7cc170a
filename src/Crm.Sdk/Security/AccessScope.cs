using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.Security;

/// <summary>
/// What one actor may reach for one resource and action: every record, or the records owned by one of
/// <see cref="OwnerIds"/> (the actor alone for <see cref="AccessLevel.Own"/>, the actor and its teams' members for
/// <see cref="AccessLevel.Team"/>). Lists turn it into a filter of the database query (<see cref="Filter"/>).
/// </summary>
internal sealed record AccessScope(CrmActor Actor, AccessLevel Level, IReadOnlySet<string> OwnerIds, bool SeesPersonalData)
{
    /// <summary>Whether every record is in scope.</summary>
    public bool IsAll => Level == AccessLevel.All;

    /// <summary>Whether a record owned by <paramref name="ownerId"/> is in scope.</summary>
    public bool Allows(string? ownerId) => IsAll || (ownerId is not null && OwnerIds.Contains(ownerId));

    /// <summary>The condition on an owner index that keeps a query in scope, or <see langword="null"/> when every record is.</summary>
    public IndexFilter? Filter(string ownerIndex) =>
        IsAll ? null : IndexFilter.AnyOf(ownerIndex, OwnerIds.Order(StringComparer.Ordinal).Cast<object>());
}
