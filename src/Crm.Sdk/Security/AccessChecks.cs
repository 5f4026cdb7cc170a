using System.Runtime.CompilerServices;
using System.Text;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;

namespace Crm.Sdk.Security;

/// <summary>
/// How the services apply an <see cref="AccessScope"/>: in the database query (a condition on the owner index ANDed with
/// the caller's filter, so pages stay full, counts and sums are the actor's, keyset paging stays correct) and in the
/// continuation token's scope (a token issued to one scope cannot page another).
/// </summary>
/// <remarks>
/// What "owner" means per resource (the table of the docs article):
/// <list type="table">
/// <listheader><term>Resource</term><description>Owned by</description></listheader>
/// <item><term>Customers</term><description>their <c>owner_id</c>.</description></item>
/// <item><term>Deals</term><description>their own <c>owner_id</c> only; an unowned deal is reached at level All alone.</description></item>
/// <item><term>Tickets</term><description>their <c>assignee_id</c> only; an unassigned ticket is reached at level All alone.</description></item>
/// <item><term>Interactions</term><description>their customer's <c>owner_id</c>: lists are per customer, checked once.</description></item>
/// <item><term>Pipelines</term><description>no owner: any level other than None reaches every pipeline.</description></item>
/// </list>
/// </remarks>
internal static class AccessChecks
{
    /// <summary>The query kept to the scope: the scope's owner condition ANDed with the query's own filter.</summary>
    public static DocumentQuery Apply(this AccessScope scope, DocumentQuery query, string ownerIndex) =>
        scope.Filter(ownerIndex) is { } owners ? query with { Filter = IndexFilter.And(query.Filter, owners) } : query;

    /// <summary>The filter kept to the scope (for counts and aggregates).</summary>
    public static IndexFilter? Apply(this AccessScope scope, IndexFilter? filter, string ownerIndex) =>
        scope.Filter(ownerIndex) is { } owners ? IndexFilter.And(filter, owners) : filter;

    /// <summary>
    /// The list name a continuation token is bound to, with the scope's owners in it: a token issued under one actor's
    /// scope fails its MAC under another's. Unchanged for level All, so tokens stay valid when access control is off.
    /// </summary>
    public static string ListName(this AccessScope scope, string listName)
    {
        if (scope.IsAll)
        {
            return listName;
        }

        var text = new StringBuilder(listName).Append("\nscope:");
        foreach (var owner in scope.OwnerIds.Order(StringComparer.Ordinal))
        {
            text.Append(owner.Length).Append(':').Append(owner);
        }

        return text.ToString();
    }

    /// <summary>A stream of the query kept to the actor's read scope (no owner index: unowned resources, only the action is checked); the scope is checked when the stream starts.</summary>
    public static async IAsyncEnumerable<T> StreamAsync<T>(
        this AccessPolicy policy,
        CrmStore store,
        IDocumentMapping<T> mapping,
        CrmResource resource,
        string? ownerIndex,
        DocumentQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        var scope = await policy.ScopeAsync(resource, CrmAction.Read, cancellationToken).ConfigureAwait(false);
        await foreach (var item in store.QueryAsync(mapping, ownerIndex is null ? query : scope.Apply(query, ownerIndex), cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <summary>A page of the query kept to the actor's read scope, its token bound to the scope (no owner index: unowned resources, only the action is checked).</summary>
    public static async Task<Page<T>> PageAsync<T>(
        this AccessPolicy policy,
        CrmStore store,
        IDocumentMapping<T> mapping,
        CrmResource resource,
        string? ownerIndex,
        string listName,
        DocumentQuery query,
        PageRequest page,
        CancellationToken cancellationToken)
        where T : class
    {
        var scope = await policy.ScopeAsync(resource, CrmAction.Read, cancellationToken).ConfigureAwait(false);
        return ownerIndex is null
            ? await store.PageAsync(mapping, listName, query, page, cancellationToken).ConfigureAwait(false)
            : await store.PageAsync(mapping, scope.ListName(listName), scope.Apply(query, ownerIndex), page, cancellationToken).ConfigureAwait(false);
    }
}
