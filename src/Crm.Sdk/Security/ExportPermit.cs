namespace Crm.Sdk.Security;

/// <summary>
/// What the current actor may export of one resource, from <see cref="ICrm.AuthorizeExportAsync"/>: a bulk export writes
/// a record only when the permit <see cref="Covers"/> the record's owner (a customer's or a deal's owner, a ticket's
/// assignee, for interactions their customer's owner).
/// </summary>
public sealed class ExportPermit
{
    private readonly AccessScope _scope;

    internal ExportPermit(CrmResource resource, AccessScope scope)
    {
        Resource = resource;
        _scope = scope;
    }

    /// <summary>The resource the permit is for.</summary>
    public CrmResource Resource { get; }

    /// <summary>Whether the permit covers every record of the resource (export at level <see cref="AccessLevel.All"/>, or no access control).</summary>
    public bool CoversAll => _scope.IsAll;

    /// <summary>Whether a record owned by <paramref name="ownerId"/> may be exported (an unowned record only at level <see cref="AccessLevel.All"/>).</summary>
    /// <param name="ownerId">The record's owner, or <see langword="null"/> when it has none.</param>
    /// <returns><see langword="true"/> when the record may be exported.</returns>
    public bool Covers(string? ownerId) => _scope.Allows(ownerId);
}
