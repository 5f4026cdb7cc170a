using Crm.Sdk.Domain;
using Crm.Sdk.Security;

namespace Crm.Sdk.Storage;

/// <summary>
/// What every aggregate service does the same way: read one aggregate by id, throwing or returning null, checked against
/// the current actor's access (<see cref="AccessPolicy"/>): a record outside the actor's read scope throws
/// <see cref="AccessDeniedException"/> naming the record, from <c>FindAsync</c> too (a record the actor may not read is
/// not reported as missing: the denial is audited, and no data is returned). What it returns leaves the SDK through
/// <see cref="Disclosure"/>: masked for an actor who does not see personal data, else recorded as a read.
/// </summary>
/// <typeparam name="T">The aggregate type.</typeparam>
internal abstract class AggregateService<T>(CrmStore store, AggregateMapping<T> mapping, AccessPolicy access, CrmResource resource)
    where T : AggregateRoot<T>
{
    protected CrmStore Store { get; } = store;

    protected AccessPolicy Access { get; } = access;

    public async Task<T> GetAsync(Id<T> id, CancellationToken cancellationToken = default) =>
        await Access.ReadAsync(Store, await ReadAsync(id, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public async Task<T?> FindAsync(Id<T> id, CancellationToken cancellationToken = default)
    {
        Id<T>.ThrowIfEmpty(id, nameof(id));
        var item = await Store.FindAsync(mapping, id.Value, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return null;
        }

        await ThrowIfDeniedAsync(CrmAction.Read, item, cancellationToken).ConfigureAwait(false);
        return await Access.ReadAsync(Store, item, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one aggregate the actor may read, as stored: not yet handed out (<see cref="Disclosure"/>), for the summaries built on it.</summary>
    /// <exception cref="EntityNotFoundException">No record has that id.</exception>
    /// <exception cref="AccessDeniedException">The record is outside the actor's read scope.</exception>
    protected async Task<T> ReadAsync(Id<T> id, CancellationToken cancellationToken)
    {
        var item = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        await ThrowIfDeniedAsync(CrmAction.Read, item, cancellationToken).ConfigureAwait(false);
        return item;
    }

    /// <summary>Reads one aggregate without an access check: the caller checks the action it is about to do.</summary>
    protected Task<T> LoadAsync(Id<T> id, CancellationToken cancellationToken)
    {
        Id<T>.ThrowIfEmpty(id, nameof(id));
        return Store.GetAsync(mapping, id.Value, cancellationToken);
    }

    /// <summary>The owner a record is scoped by (see <see cref="AccessChecks"/>).</summary>
    protected abstract ValueTask<string?> OwnerOfAsync(T item, CancellationToken cancellationToken);

    /// <summary>Throws unless the actor may do <paramref name="action"/> on the stored <paramref name="item"/>.</summary>
    /// <returns>The record's owner (null when the actor reaches every record, which needs no owner).</returns>
    /// <exception cref="AccessDeniedException">The action is denied, or the record is outside the actor's scope.</exception>
    protected async ValueTask<string?> ThrowIfDeniedAsync(CrmAction action, T item, CancellationToken cancellationToken)
    {
        var scope = await Access.ScopeAsync(resource, action, cancellationToken).ConfigureAwait(false);
        if (scope.IsAll || resource == CrmResource.Pipelines)
        {
            return null;
        }

        var owner = await OwnerOfAsync(item, cancellationToken).ConfigureAwait(false);
        await Access.ThrowUnlessAllowsAsync(scope, resource, action, item.Id.Value, owner, cancellationToken).ConfigureAwait(false);
        return owner;
    }
}
